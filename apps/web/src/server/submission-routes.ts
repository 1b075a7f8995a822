import 'server-only';
import { TRPCError } from '@trpc/server';
import { scanDownloadResponse, scanUploadResponse, routeId } from '@ccgov/api';
import { getDb } from '@ccgov/db';
import { MissingFontError, renderPdf, reportFileName, SUBMISSION_MARK } from '@ccgov/documents';
import type { Role } from '@ccgov/report';
import { serverCaller } from './caller';
import { currentUser, requestIp } from './session';

/**
 * The 报送稿 routes under /dept/reports/{id}/… (the department) and /review/{id}/… (reviewers and
 * publishers): each mount point admits its roles here, and the use cases scope the report again
 * (another body's report: 404).
 */
const text = (status: number, message: string) =>
  new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });
const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 };

async function context() {
  return { db: getDb(), user: await currentUser(), ip: await requestIp() };
}

/** A mount point's roles: the other roles are refused before the handler runs. */
function mountRefusal(user: Awaited<ReturnType<typeof currentUser>>, roles: readonly Role[]): Response | null {
  if (!user) return text(401, '请先登录');
  if (!roles.includes(user.role)) return text(403, '无权访问');
  return null;
}

export async function scanUploadRoute(req: Request, idText: string): Promise<Response> {
  return scanUploadResponse(req, await context(), idText);
}

export async function scanDownloadRoute(req: Request, roles: readonly Role[], idText: string, scanIdText: string): Promise<Response> {
  const ctx = await context();
  // Signed out and the role of the other mount point get the handler's own answer (audited), so
  // only a role that would pass there is sent on.
  if (ctx.user && !roles.includes(ctx.user.role)) return text(403, '无权访问');
  return scanDownloadResponse(req, ctx, idText, scanIdText);
}

/** 报送稿 PDF: the submitted snapshot through reportPdf({ submission }), drawn in the PDF worker thread (renderPdf). */
export async function submissionPdfRoute(roles: readonly Role[], idText: string): Promise<Response> {
  const user = await currentUser();
  const refused = mountRefusal(user, roles);
  if (refused) return refused;
  const id = routeId(idText);
  if (id == null) return text(404, '报送稿不存在或无权查看');
  try {
    const copy = await (await serverCaller(user)).submission.get({ id });
    const bytes = await renderPdf(
      {
        id: copy.reportId,
        departmentName: copy.departmentName,
        departmentKind: copy.departmentKind,
        year: copy.year,
        publishedAt: copy.submittedAt,
        content: copy.content,
        correctionNote: null,
        supersedesId: null,
        current: false,
      },
      { submission: { submission: copy.submission, version: copy.version, submittedAt: copy.submittedAt } },
    );
    const name = reportFileName({ departmentName: copy.departmentName, year: copy.year }, 'pdf').replace(/\.pdf$/, `（${SUBMISSION_MARK}）.pdf`);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="submission-${copy.reportId}-v${copy.version}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof TRPCError) return text(STATUS[err.code] ?? 500, err.message);
    if (err instanceof MissingFontError) return text(503, `暂时无法生成 PDF：${err.message}`);
    throw err;
  }
}
