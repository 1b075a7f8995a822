import { reportTitle } from '@ccgov/report';
import { loadPublication, parseId } from '@/server/public-data';
import { publicCaller } from '@/server/caller';
import { cachedPublic } from '@/server/public-cache';
import { publicNotFoundResponse, publicPageResponse } from '@/server/static-html';
import { ReportPage } from '../../_components/ReportPage';

export const dynamic = 'force-dynamic';

/**
 * /reports/{id}: one published report as plain HTML with no client JavaScript (a route handler,
 * not an App Router page: see server/static-html.tsx). Unknown, unpublished or withdrawn ids
 * answer the public 404 page.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const data = await loadPublication(parseId((await params).id));
  if (!data) return publicNotFoundResponse();
  const p = data.publication;
  // 校验 line: the rule book applied to the published content (cached until the next publish).
  const check = await cachedPublic(`check:${p.id}`, () => publicCaller().public.check({ id: p.id })).catch(() => null);
  return publicPageResponse(reportTitle(p.departmentName, p.year), <ReportPage data={data} check={check} />);
}
