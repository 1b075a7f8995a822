import { submissionPdfRoute } from '@/server/submission-routes';

export const dynamic = 'force-dynamic';

/** 报送稿 PDF of the department's own report. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return submissionPdfRoute(['department'], (await params).id);
}
