/**
 * npm run import -- [--dry-run] [--json] [--department CODE] [--year YYYY] [--as USERNAME] [--allow-blank] FILE...
 *
 * --dry-run   read and check every file, print the result, change nothing (no database needed)
 * --json      print one JSON array: per file the open-data Report, the unplaced figures, the checks
 * otherwise   import each file as its body's published report for its year (历史导入), audited
 *             under the account --as (default: the first active 数据局管理员)
 *
 * A file with figures it could not place is not imported unless --allow-blank is given (they stay
 * blank and are recorded with the import). The exit status is 1 when any file failed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkReport, type CheckResult, type ReportContent } from '@ccgov/report';
import { openReport, type OpenReport } from '@ccgov/documents';
import { normLabel } from '../items';
import { importReport, type ParsedReport } from '../parse';

export type CliOptions = {
  dryRun: boolean;
  json: boolean;
  department?: string;
  year?: number;
  as?: string;
  allowBlank: boolean;
  files: string[];
};

export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  const o: CliOptions = { dryRun: false, json: false, allowBlank: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} 需要一个值`);
      return v;
    };
    try {
      if (a === '--dry-run') o.dryRun = true;
      else if (a === '--json') o.json = true;
      else if (a === '--allow-blank') o.allowBlank = true;
      else if (a === '--department') o.department = value();
      else if (a === '--as') o.as = value();
      else if (a === '--year') {
        const y = value();
        if (!/^\d{4}$/.test(y)) return { error: `--year 应为四位年份，现为“${y}”` };
        o.year = Number(y);
      } else if (a.startsWith('--')) return { error: `未知选项 ${a}` };
      else o.files.push(a);
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (o.files.length === 0) return { error: '用法：npm run import -- [--dry-run] [--json] [--department 代码] [--year 年度] 文件…' };
  return o;
}

export type FileOutcome = {
  file: string;
  ok: boolean;
  /** Why the file failed (Chinese), when it did. */
  error?: string;
  sha256?: string;
  report?: Omit<OpenReport, 'id' | 'url' | 'publishedAt'> & { id: number | null; url: string | null; publishedAt: string | null };
  unplaced?: ParsedReport['unplaced'];
  notes?: string[];
  checks?: CheckResult;
  /** After an import: where it went. */
  imported?: { reportId: number; publicationId: number; department: string; year: number };
};

const TOWN = /(镇|乡|街道|街道办事处|镇人民政府|乡人民政府)$/;

/** The parsed report in the open-data shape (/api/open/reports/{id}); not yet published, so no id. */
export function openDataOf(parsed: ParsedReport, body: string, year: number, kind?: string, publishedAt?: string | null): FileOutcome['report'] {
  const published = publishedAt ? new Date(`${publishedAt}T00:00:00+08:00`) : null;
  const r = openReport(
    {
      id: 0,
      departmentName: body,
      departmentKind: kind ?? (TOWN.test(body) ? 'town' : 'department'),
      year,
      publishedAt: published ?? new Date(0),
      content: parsed.content,
      correctionNote: null,
      supersedesId: null,
      current: true,
    },
    null,
  );
  return { ...r, id: null, url: null, publishedAt: published ? published.toISOString() : null };
}

export type ImportTarget = {
  /** Find the department for a body name or code; a message when there is none or several. */
  department(input: { code?: string; name: string | null }): { id: number; name: string; kind: string } | { error: string };
  store(input: { departmentId: number; year: number; parsed: ParsedReport; file: string; sha256: string; bytes: Uint8Array }): { reportId: number; publicationId: number; department: string; year: number };
  /** The body's report of the year before on file, for the cross-year rules (7, 10, 12). */
  previous?(departmentId: number, year: number): { year: number; content: ReportContent } | null;
};

type Read = { file: string; name: string; bytes: Uint8Array; sha256: string; parsed: Awaited<ReturnType<typeof importReport>> };

/** Read, check and (unless dry-run) import each file. Never throws for a bad file: it is an outcome. */
export async function runFiles(o: CliOptions, cwd: string, target?: ImportTarget): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  // Read every file first: a report of the year before in the same batch is the cross-year rules' previous year.
  const read: (Read | { file: string; error: string })[] = [];
  for (const file of o.files) {
    try {
      const bytes = new Uint8Array(readFileSync(resolve(cwd, file)));
      const name = basename(file);
      read.push({ file, name, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), parsed: await importReport(name, bytes) });
    } catch {
      read.push({ file, error: '无法读取该文件（不存在或无权读取）' });
    }
  }
  const batchPrevious = (body: string | null, year: number) => {
    if (!body) return null;
    const hit = read.find((r): r is Read => 'parsed' in r && r.parsed.ok && normLabel(r.parsed.body ?? '') === normLabel(body) && (o.year ?? r.parsed.year) === year - 1);
    return hit && hit.parsed.ok ? { year: year - 1, content: hit.parsed.content } : null;
  };
  for (const r of read) {
    if ('error' in r) {
      out.push({ file: r.file, ok: false, error: r.error });
      continue;
    }
    const { file, name, bytes, sha256, parsed } = r;
    if (!parsed.ok) {
      out.push({ file, ok: false, error: parsed.error, sha256 });
      continue;
    }
    const year = o.year ?? parsed.year;
    let body = parsed.body;
    let kind: string | undefined;
    let departmentId: number | undefined;
    const fail = (error: string) => out.push({ file, ok: false, error, sha256, unplaced: parsed.unplaced, notes: parsed.notes });
    if (target && !o.dryRun) {
      const d = target.department({ code: o.department, name: body });
      if ('error' in d) {
        fail(d.error);
        continue;
      }
      ({ id: departmentId, name: body, kind } = d);
    }
    if (year === null) {
      fail('未能从文件中识别报告年度，请用 --year 指定');
      continue;
    }
    const shownBody = body ?? o.department ?? '';
    const previous = batchPrevious(parsed.body, year) ?? (departmentId !== undefined ? (target?.previous?.(departmentId, year) ?? null) : null);
    const checks = checkReport({ year, body: shownBody, content: parsed.content, declaredTotals: parsed.declaredTotals, previous });
    const outcome: FileOutcome = {
      file,
      ok: true,
      sha256,
      report: openDataOf(parsed, shownBody, year, kind, parsed.publishedDate),
      unplaced: parsed.unplaced,
      notes: parsed.notes,
      checks,
    };
    if (!o.dryRun && target) {
      if (parsed.unplaced.length && !o.allowBlank) {
        fail(`有${parsed.unplaced.reduce((a, u) => a + u.keys.length, 0)}个数字未能识别，未导入（核对原文后补录，或加 --allow-blank 留空导入）`);
        continue;
      }
      try {
        outcome.imported = target.store({ departmentId: departmentId!, year, parsed, file: name, sha256, bytes });
      } catch (e) {
        fail((e as { userMessage?: string }).userMessage ?? (e as Error).message);
        continue;
      }
    }
    out.push(outcome);
  }
  return out;
}

/** One line per file for people. */
export function summaryLine(r: FileOutcome, dryRun: boolean): string {
  if (!r.ok) return `✗ ${r.file}：${r.error}`;
  const rep = r.report!;
  const blanks = r.unplaced?.reduce((a, u) => a + u.keys.length, 0) ?? 0;
  const checks = `检查：${r.checks!.errors.length} 个错误，${r.checks!.warnings.length} 个提示`;
  const what = `${rep.department || '（未识别报告主体）'} ${rep.year}年`;
  if (r.imported) return `✓ ${r.file} → ${r.imported.department} ${r.imported.year}年 已导入（报告 ${r.imported.reportId}，公开编号 ${r.imported.publicationId}）；${checks}${blanks ? `；${blanks}个数字留空` : ''}`;
  return `${dryRun ? '·' : '✓'} ${r.file} → ${what}；${blanks ? `${blanks}个数字未能识别` : '所有数字均已识别'}；${checks}`;
}

/** Match a body name to a department: exact name, else the one whose name ends with it or it ends with. */
export function matchDepartment<D extends { name: string; code: string; active: boolean }>(list: readonly D[], input: { code?: string; name: string | null }): D | { error: string } {
  const active = list.filter((d) => d.active);
  if (input.code) return active.find((d) => d.code === input.code) ?? { error: `未找到代码为“${input.code}”的部门` };
  if (!input.name) return { error: '未能从文件中识别报告主体，请用 --department 指定部门代码' };
  const n = normLabel(input.name);
  const exact = active.filter((d) => normLabel(d.name) === n);
  if (exact.length === 1) return exact[0]!;
  const near = active.filter((d) => {
    const m = normLabel(d.name);
    return m.endsWith(n) || n.endsWith(m);
  });
  if (near.length === 1) return near[0]!;
  return { error: near.length > 1 ? `“${input.name}”对应多个部门（${near.map((d) => d.name).join('、')}），请用 --department 指定` : `未找到名为“${input.name}”的部门，请用 --department 指定部门代码` };
}
