import { scanDownloadRoute } from '@/server/submission-routes';

export const dynamic = 'force-dynamic';

/** One scan of the department's own report. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; scanId: string }> }) {
  const { id, scanId } = await params;
  return scanDownloadRoute(req, ['department'], id, scanId);
}
