import { TRPCError } from '@trpc/server';
import { MissingFontError, receiptPdf } from '@ccgov/documents';
import { serverCaller } from '@/server/caller';
import { currentUser } from '@/server/session';

export const dynamic = 'force-dynamic';

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });
const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 };

/** /dept/receipts/{id}/pdf: the 回执 as PDF, for whoever may read it (checked by the receipts router). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const idText = (await params).id;
  const id = /^\d{1,12}$/.test(idText) ? Number(idText) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) return text(404, '回执不存在或无权查看');
  const user = await currentUser();
  if (!user) return text(401, '请先登录');
  if (user.mustChangePassword) return text(403, '请先修改初始密码');
  try {
    const receipt = await (await serverCaller(user)).receipts.get({ id });
    const font = process.env.CJK_FONT_PATH;
    const pdf = await receiptPdf(receipt, font ? { font: { path: font, face: process.env.CJK_FONT_FACE || undefined } } : {});
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        // RFC 6266 / 5987: an ASCII fallback, then the Chinese name.
        'content-disposition': `attachment; filename="${receipt.receiptNo}.pdf"; filename*=UTF-8''${encodeURIComponent(`回执-${receipt.receiptNo}.pdf`)}`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (err) {
    if (err instanceof TRPCError) return text(STATUS[err.code] ?? 500, err.message);
    if (err instanceof MissingFontError) {
      console.error(err.message);
      return text(503, `暂时无法生成 PDF：${err.message}`);
    }
    throw err;
  }
}
