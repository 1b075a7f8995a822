import { toCsv } from '@ccgov/documents';
import { fileResponse, textError } from '@/server/public-data';
import { busyResponse, expensive } from '@/server/expensive';
import { compareTable, parseSelection, selectionProblem, type CompareQuery } from '../compare-data';

export const dynamic = 'force-dynamic';

/** The compare table as CSV (UTF-8 with BOM): one line per figure, one column per report. */
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const q: CompareQuery = { d: params.getAll('d'), y: params.getAll('y'), f: params.getAll('f') };
  const problem = selectionProblem(q);
  if (problem) return textError(400, problem);
  const built = await expensive(async () => compareTable(await parseSelection(q)));
  if (!built) return busyResponse();
  const table = built.value;
  const csv = toCsv([
    ['字段', '栏目', '数字', ...table.columns.map((c) => `${c.departmentName}${c.year}年`)],
    ...table.rows.map((r) => [r.key, r.group, r.label, ...r.values.map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v))]),
  ]);
  return fileResponse(csv, 'text/csv; charset=utf-8', '陈仓区政府信息公开工作年度报告对比.csv', 'compare.csv');
}
