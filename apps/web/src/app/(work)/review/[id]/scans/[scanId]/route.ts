import { scanDownloadRoute } from '@/server/submission-routes';

export const dynamic = 'force-dynamic';

/** One scan of a report under review, for the reviewers and publishers. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; scanId: string }> }) {
  const { id, scanId } = await params;
  return scanDownloadRoute(req, ['reviewer', 'publisher'], id, scanId);
}
