import { submissionPdfRoute } from '@/server/submission-routes';

export const dynamic = 'force-dynamic';

/** 报送稿 PDF of a report under review. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return submissionPdfRoute(['reviewer', 'publisher'], (await params).id);
}
