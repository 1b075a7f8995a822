import 'server-only';
import { TRPCError } from '@trpc/server';
import type { SessionUser } from '@ccgov/auth';
import type { Role } from '@ccgov/report';
import { currentUser } from '@/server/session';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400, CONFLICT: 409 };

/**
 * A download route: the session and the role are checked here on the server (and again by the
 * tRPC tier the data comes through); errors answer with a Chinese message and the right status.
 */
export function xlsxDownload(
  roles: readonly Role[] | 'any',
  fileName: string | ((user: SessionUser) => string),
  build: (user: SessionUser) => Promise<Buffer>,
): Promise<Response> {
  return download(roles, fileName, { type: XLSX, fallback: 'download.xlsx' }, build);
}

/** The same for a CSV file (the text already carries its BOM, see toCsv). */
export function csvDownload(
  roles: readonly Role[] | 'any',
  fileName: string | ((user: SessionUser) => string),
  build: (user: SessionUser) => Promise<string>,
): Promise<Response> {
  return download(roles, fileName, { type: 'text/csv; charset=utf-8', fallback: 'download.csv' }, async (user) => Buffer.from(await build(user), 'utf8'));
}

async function download(
  roles: readonly Role[] | 'any',
  fileName: string | ((user: SessionUser) => string),
  file: { type: string; fallback: string },
  build: (user: SessionUser) => Promise<Buffer>,
): Promise<Response> {
  const user = await currentUser();
  if (!user) return text(401, '请先登录');
  if (user.mustChangePassword) return text(403, '请先修改初始密码');
  if (roles !== 'any' && !roles.includes(user.role)) return text(403, '无权下载');
  try {
    const body = await build(user);
    const name = typeof fileName === 'function' ? fileName(user) : fileName;
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': file.type,
        // RFC 6266 / 5987: an ASCII fallback, then the Chinese name.
        'content-disposition': `attachment; filename="${file.fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (err) {
    if (err instanceof TRPCError) return text(STATUS[err.code] ?? 500, err.message);
    throw err;
  }
}

/** A year from the URL: four digits between 2000 and 2100, else null. */
export function yearParam(raw: string): number | null {
  const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return y >= 2000 && y <= 2100 ? y : null;
}

export const badYear = () => text(400, '年度无效');
