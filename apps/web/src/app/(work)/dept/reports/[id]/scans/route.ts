import { scanUploadRoute } from '@/server/submission-routes';

export const dynamic = 'force-dynamic';

/** 上传签字盖章的报送稿扫描件: the raw file as the body (see @ccgov/api scan-http.ts). */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return scanUploadRoute(req, (await params).id);
}
