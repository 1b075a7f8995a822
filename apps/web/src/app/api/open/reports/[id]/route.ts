import { openReport } from '@ccgov/documents';
import { jsonError, jsonResponse, loadPublication, NOT_PUBLIC, parseId } from '@/server/public-data';

export const dynamic = 'force-dynamic';

/** GET /api/open/reports/{id} — one published report, every figure and text (see README). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const data = await loadPublication(parseId((await params).id));
  if (!data) return jsonError(404, NOT_PUBLIC);
  return jsonResponse(openReport(data.publication, data.currentId));
}
