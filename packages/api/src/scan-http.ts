/**
 * The two HTTP routes of 报送稿扫描件, as functions of a Request (the web app's route handlers only
 * pass the session, the database and the ids; the tests call these directly):
 *
 * - upload (POST, the raw file as the body, its name URI-encoded in `X-File-Name`): the session and
 *   the role are checked before a byte of the body is read; a body without `Content-Length` or
 *   declaring more than MAX_SCAN_BYTES is refused unread, and reading stops as soon as it passes
 *   the bound. Answers JSON: 201 `{ scan }` or `{ error }` with a Chinese message.
 * - download (GET): the stored bytes with their stored content type, `X-Content-Type-Options:
 *   nosniff`, `Content-Disposition: inline` for an image (attachment with `?download=1`) and
 *   `attachment` for a PDF, never cached.
 *
 * Refusals (not signed in, wrong role, another body's report) are audited like tRPC refusals.
 */
import type { SessionUser } from '@ccgov/auth';
import type { Db } from '@ccgov/db';
import { AppError } from './errors';
import { readBodyBytes } from './http';
import { auditRefusedCall } from './services/refusal-audit';
import { runWithRequestIp } from './services/request-context';
import { attachScan, MAX_SCAN_BYTES, readScan } from './services/scans';

export type ScanRouteContext = { db: Db; user: SessionUser | null; ip: string | null };

const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400, CONFLICT: 409 };
const NO_STORE = 'private, no-store';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': NO_STORE, 'x-content-type-options': 'nosniff' },
  });

function refuse(ctx: ScanRouteContext, path: string, code: keyof typeof STATUS, message: string): Response {
  auditRefusedCall(ctx, { path, code, message });
  return json(STATUS[code] ?? 400, { error: message });
}

/** A positive id from the URL, else null. */
export function routeId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

/** Who may do what before anything else is looked at (the use case scopes the report again). */
function tier(ctx: ScanRouteContext, path: string, roles: readonly string[]): Response | null {
  if (!ctx.user) return refuse(ctx, path, 'UNAUTHORIZED', '请先登录');
  if (ctx.user.mustChangePassword) return refuse(ctx, path, 'FORBIDDEN', '请先修改初始密码');
  if (!roles.includes(ctx.user.role)) {
    return refuse(ctx, path, 'FORBIDDEN', roles.length === 1 ? '只有本单位的填报人可以上传报送稿扫描件' : '仅本单位填报人和数据局审核人员可以查看报送稿扫描件');
  }
  return null;
}

const tooLarge = (size?: number) =>
  `文件过大：扫描件不能超过 ${MAX_SCAN_BYTES / 1024 / 1024} MB${size ? `（本文件 ${(size / 1024 / 1024).toFixed(1)} MB）` : ''}，请降低扫描分辨率或改为黑白扫描后重新上传`;


function decodeName(raw: string | null): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export async function scanUploadResponse(req: Request, ctx: ScanRouteContext, reportIdText: string): Promise<Response> {
  const path = 'scan.upload';
  const denied = tier(ctx, path, ['department']);
  if (denied) {
    req.body?.cancel().catch(() => {});
    return denied;
  }
  const reportId = routeId(reportIdText);
  if (reportId == null) return refuse(ctx, path, 'NOT_FOUND', '报告不存在或无权查看');
  const declared = req.headers.get('content-length');
  if (declared == null || !/^\d+$/.test(declared)) {
    req.body?.cancel().catch(() => {});
    return json(411, { error: '上传请求缺少文件大小（Content-Length），请在浏览器中重新选择文件上传' });
  }
  if (Number(declared) > MAX_SCAN_BYTES) {
    req.body?.cancel().catch(() => {});
    return json(413, { error: tooLarge(Number(declared)) });
  }
  const fileName = decodeName(req.headers.get('x-file-name'));
  if (!fileName) return json(400, { error: '缺少文件名，请重新选择扫描件' });
  const bytes = await readBodyBytes(req, MAX_SCAN_BYTES);
  if (bytes === null) return json(413, { error: tooLarge() });
  try {
    const user = ctx.user!;
    const scan = runWithRequestIp(ctx.ip, () => attachScan(ctx.db, user, { reportId, fileName, bytes }));
    return json(201, { scan });
  } catch (err) {
    if (err instanceof AppError) {
      if (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN') return refuse(ctx, path, err.code, err.userMessage);
      return json(STATUS[err.code] ?? 400, { error: err.userMessage });
    }
    throw err;
  }
}

const asciiFallback = (mime: string) => `scan.${mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg'}`;

export function scanDownloadResponse(req: Request, ctx: ScanRouteContext, reportIdText: string, scanIdText: string): Response {
  const path = 'scan.download';
  const denied = tier(ctx, path, ['department', 'reviewer', 'publisher']);
  if (denied) return denied;
  const reportId = routeId(reportIdText);
  const scanId = routeId(scanIdText);
  if (reportId == null || scanId == null) return refuse(ctx, path, 'NOT_FOUND', '扫描件不存在或无权查看');
  let scan: ReturnType<typeof readScan>;
  try {
    scan = readScan(ctx.db, ctx.user!, reportId, scanId);
  } catch (err) {
    if (err instanceof AppError) return err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN' ? refuse(ctx, path, err.code, err.userMessage) : json(STATUS[err.code] ?? 400, { error: err.userMessage });
    throw err;
  }
  const image = scan.mime === 'image/png' || scan.mime === 'image/jpeg';
  const download = new URL(req.url).searchParams.get('download') === '1';
  const disposition = image && !download ? 'inline' : 'attachment';
  return new Response(new Uint8Array(scan.bytes), {
    headers: {
      'content-type': scan.mime,
      'content-length': String(scan.bytes.length),
      // RFC 6266 / 5987: an ASCII fallback, then the name as uploaded.
      'content-disposition': `${disposition}; filename="${asciiFallback(scan.mime)}"; filename*=UTF-8''${encodeURIComponent(scan.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': NO_STORE,
      'x-scan-sha256': scan.sha256,
    },
  });
}
