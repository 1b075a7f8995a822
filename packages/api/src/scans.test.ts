import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, loadSessionUser } from '@ccgov/auth';
import { and, eq, reportScans, signoffs, users, type Db } from '@ccgov/db';
import { scanDownloadResponse, scanUploadResponse, type ScanRouteContext } from './scan-http';
import { MAX_SCAN_BYTES, scanProblem, sniffScan } from './services/scans';
import { harness } from './test-utils';

/**
 * 报送稿 and its scan. Departments, one story each: gxj attaches and is read · swj the required
 * scan before 终审 · kjj returned · zfb draft · wlj oversized and wrongly typed files · jtj the
 * 报送稿 is the submitted snapshot.
 */
const h = harness();
afterAll(() => h.cleanup());
const Y = h.openYear;
const scansDir = join(dirname(h.path), 'scans');

function sessionOf(db: Db, username: string | null) {
  if (username === null) return null;
  const u = db.select().from(users).where(eq(users.username, username)).get()!;
  return loadSessionUser(db, { uid: u.id, sv: u.sessionVersion, sid: createSession(db, u.id, { ip: null, userAgent: null }) })!;
}
const ctxOf = (username: string | null): ScanRouteContext => ({ db: h.db, user: sessionOf(h.db, username), ip: '127.0.0.1' });

/** A small but well-formed PNG (signature, IHDR, IDAT, IEND): what a phone or scanner saves. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const rowsOf = (reportId: number) => h.db.select().from(reportScans).where(eq(reportScans.reportId, reportId)).all();
const storedFiles = () => (existsSync(scansDir) ? readdirSync(scansDir) : []);

function upload(username: string | null, reportId: number | string, name: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/dept/reports/${reportId}/scans`, {
    method: 'POST',
    body: bytes as unknown as BodyInit,
    headers: { 'content-length': String(bytes.length), 'x-file-name': encodeURIComponent(name), ...headers },
  });
  return scanUploadResponse(req, ctxOf(username), String(reportId));
}
function download(username: string | null, reportId: number, scanId: number, query = '') {
  return scanDownloadResponse(new Request(`http://localhost/dept/reports/${reportId}/scans/${scanId}${query}`), ctxOf(username), String(reportId), String(scanId));
}

describe('the type of a scan is read from its content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes and nothing else', () => {
    expect(sniffScan(PDF)?.mime).toBe('application/pdf');
    expect(sniffScan(JPEG)?.mime).toBe('image/jpeg');
    expect(sniffScan(PNG)?.mime).toBe('image/png');
    expect(sniffScan(HTML)).toBeNull();
    expect(sniffScan(ZIP)).toBeNull();
    // Only the first four bytes of a PNG are not enough.
    expect(sniffScan(PNG.subarray(0, 4))).toBeNull();
  });

  it('refuses a renamed file, a type the name does not match and an empty file, in Chinese', () => {
    expect(scanProblem('签字盖章.pdf', HTML)).toMatch(/文件内容不是 PDF、JPG 或 PNG.*改了扩展名/);
    expect(scanProblem('签字盖章.pdf', ZIP)).toMatch(/文件内容不是 PDF、JPG 或 PNG/);
    expect(scanProblem('签字盖章.png', JPEG)).toMatch(/文件内容是JPG 图片，与文件名的扩展名 \.png 不符/);
    expect(scanProblem('签字盖章.docx', PDF)).toMatch(/只能上传 PDF、JPG 或 PNG/);
    expect(scanProblem('签字盖章.pdf', new Uint8Array())).toMatch(/文件为空/);
    expect(scanProblem('签字盖章.jpeg', JPEG)).toBeNull();
  });
});

describe('attaching the scan (POST /dept/reports/{id}/scans)', () => {
  const gxj = h.reportId('gxj', Y);

  it('stores a PNG under scans/ named by its SHA-256, mode 0600, with a row whose hash is the file’s', async () => {
    expect(h.report(gxj).status).toBe('submitted');
    const res = await upload('gxj', gxj, '报送稿（盖章）.png', PNG);
    expect(res.status).toBe(201);
    const { scan } = (await res.json()) as { scan: { id: number; sha256: string; version: number } };
    const [row] = rowsOf(gxj);
    expect(row).toMatchObject({ id: scan.id, fileName: '报送稿（盖章）.png', mime: 'image/png', size: PNG.length, version: h.report(gxj).version });
    expect(row!.sha256).toBe(sha(PNG));
    expect(row!.storagePath).toBe(`scans/${sha(PNG)}.png`);
    const file = join(scansDir, `${sha(PNG)}.png`);
    expect(sha(readFileSync(file))).toBe(row!.sha256);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('the owner and the bureau read it back: the stored bytes and type, nosniff, an image inline', async () => {
    const [row] = rowsOf(gxj);
    for (const who of ['gxj', 'reviewer', 'publisher']) {
      const res = download(who, gxj, row!.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''%E6%8A%A5%E9%80%81%E7%A8%BF/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(row!.sha256);
    }
    expect(download('gxj', gxj, row!.id, '?download=1').headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('the 报送稿 lists the scan for the department and the reviewer', async () => {
    for (const who of ['gxj', 'reviewer']) {
      const copy = await h.as(who).submission.get({ id: gxj });
      expect(copy.scans.map((s) => s.sha256)).toEqual([sha(PNG)]);
      expect(copy.canAttach).toBe(who === 'gxj');
    }
  });

  it('a PDF is served as an attachment, never inline', async () => {
    const res = await upload('gxj', gxj, '报送稿.pdf', PDF);
    expect(res.status).toBe(201);
    const { scan } = (await res.json()) as { scan: { id: number } };
    const got = download('reviewer', gxj, scan.id);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('another department can neither attach to nor read the scan: NOT_FOUND, nothing stored', async () => {
    const before = { rows: rowsOf(gxj).length, files: storedFiles().length };
    const res = await upload('swj', gxj, '别人的.png', Buffer.concat([PNG, Buffer.from('x')]));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('报告不存在或无权查看');
    const [row] = rowsOf(gxj);
    const read = download('swj', gxj, row!.id);
    expect(read.status).toBe(404);
    expect(await read.text()).not.toContain('工业');
    // The scan's id under the department's own report is no way round either.
    expect(download('swj', h.reportId('swj', Y), row!.id).status).toBe(404);
    expect({ rows: rowsOf(gxj).length, files: storedFiles().length }).toEqual(before);
    await expect(h.as('swj').submission.get({ id: gxj })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('only clerks attach (the bureau 403, signed out 401); only the owner and the review roles read (admin 403)', async () => {
    const before = rowsOf(gxj).length;
    expect((await upload('reviewer', gxj, 'a.png', PNG)).status).toBe(403);
    expect((await upload('admin', gxj, 'a.png', PNG)).status).toBe(403);
    expect((await upload(null, gxj, 'a.png', PNG)).status).toBe(401);
    expect(rowsOf(gxj).length).toBe(before);
    const [row] = rowsOf(gxj);
    expect(download('admin', gxj, row!.id).status).toBe(403);
    expect(download(null, gxj, row!.id).status).toBe(401);
    expect(download('gxj', gxj, 999999).status).toBe(404);
  });
});

describe('a refused scan stores nothing', () => {
  const wlj = h.reportId('wlj', Y);

  it.each([
    ['a .pdf that is really an HTML page', '报送稿.pdf', HTML, 400, /文件内容不是 PDF、JPG 或 PNG/],
    ['a .pdf that is really a zip', '报送稿.pdf', ZIP, 400, /文件内容不是 PDF、JPG 或 PNG/],
    ['a .png holding a JPEG', '报送稿.png', JPEG, 400, /与文件名的扩展名 \.png 不符/],
    ['a Word file', '报送稿.docx', ZIP, 400, /只能上传 PDF、JPG 或 PNG/],
  ])('%s: 400 with a Chinese message, no row, no file', async (_what, name, bytes, status, message) => {
    const res = await upload('wlj', wlj, name, bytes);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(rowsOf(wlj)).toHaveLength(0);
    expect(storedFiles().filter((f) => f.startsWith(sha(bytes)))).toEqual([]);
  });

  it('a file over 10 MB is refused unread by its declared size (413), and by its real size when the header lies', async () => {
    const big = Buffer.alloc(MAX_SCAN_BYTES + 1, 0x20);
    PDF.copy(big);
    const res = await upload('wlj', wlj, '报送稿.pdf', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/文件过大：扫描件不能超过 10 MB（本文件 10\.0 MB）/);
    const lying = await upload('wlj', wlj, '报送稿.pdf', big, { 'content-length': '1000' });
    expect(lying.status).toBe(413);
    const missing = await scanUploadResponse(
      new Request(`http://localhost/dept/reports/${wlj}/scans`, { method: 'POST', body: PDF as unknown as BodyInit, headers: { 'x-file-name': 'a.pdf' } }),
      ctxOf('wlj'),
      String(wlj),
    );
    expect(missing.status).toBe(411);
    expect(rowsOf(wlj)).toHaveLength(0);
    expect(storedFiles().filter((f) => f.startsWith(sha(big)))).toEqual([]);
  });

  it('a file of exactly 10 MB is taken', async () => {
    const edge = Buffer.alloc(MAX_SCAN_BYTES, 0x20);
    PDF.copy(edge);
    expect((await upload('wlj', wlj, '报送稿.pdf', edge)).status).toBe(201);
    expect(rowsOf(wlj)).toHaveLength(1);
  });

  it('a returned report and a draft take no scan (the scan belongs to the version with the bureau)', async () => {
    const kjj = h.reportId('kjj', Y);
    expect(h.report(kjj).status).toBe('returned');
    const returned = await upload('kjj', kjj, '报送稿.png', PNG);
    expect(returned.status).toBe(400);
    expect(((await returned.json()) as { error: string }).error).toMatch(/报告已退回修改：扫描件应附在重新提交的版本上/);
    const zfb = h.reportId('zfb', Y);
    expect(h.report(zfb).status).toBe('draft');
    const draft = await upload('zfb', zfb, '报送稿.png', PNG);
    expect(draft.status).toBe(400);
    expect(((await draft.json()) as { error: string }).error).toMatch(/报告尚未提交/);
    expect(rowsOf(kjj)).toHaveLength(0);
    expect(rowsOf(zfb)).toHaveLength(0);
  });
});

describe('the 报送稿 is the version as submitted', () => {
  it('names the submitted snapshot, its number and time; a draft has none', async () => {
    const jtj = h.reportId('jtj', Y);
    const copy = await h.as('jtj').submission.get({ id: jtj });
    const report = h.report(jtj);
    expect(copy.departmentName).toBe('陈仓区教育体育局');
    expect(copy.year).toBe(Y);
    expect(copy.version).toBeLessThanOrEqual(report.version);
    expect(copy.submission).toBeGreaterThanOrEqual(1);
    expect(copy.content).toEqual(report.content);
    await expect(h.as('zfb').submission.get({ id: h.reportId('zfb', Y) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.as('reviewer').submission.get({ id: h.reportId('zfb', Y) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.as('admin').submission.get({ id: jtj })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a year that requires the scan', () => {
  const swj = h.reportId('swj', Y);
  const signoffRows = () => h.db.select().from(signoffs).where(and(eq(signoffs.reportId, swj))).all();

  it('is set by the admin only, and shown with the 报送稿', async () => {
    await expect(h.as('reviewer').years.setScanRequired({ year: Y, required: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.as('admin').years.setScanRequired({ year: 1999, required: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await h.as('admin').years.setScanRequired({ year: Y, required: true })).toMatchObject({ changed: true });
    expect((await h.as('swj').submission.get({ id: swj })).scanRequired).toBe(true);
  });

  it('holds the final sign-off until the scan is attached, with a Chinese message and nothing written', async () => {
    expect(h.report(swj).status).toBe('submitted');
    let r = await h.as('reviewer').review.signoff({ id: swj, version: h.report(swj).version });
    expect(r.status).toBe('in_review');
    const before = { report: h.report(swj), signoffs: signoffRows().length };
    await expect(h.as('publisher').review.signoff({ id: swj, version: h.report(swj).version })).rejects.toThrow(
      /年度要求附签字盖章的报送稿扫描件：该单位尚未为本次提交的版本上传扫描件，暂不能审核通过/,
    );
    expect({ report: h.report(swj), signoffs: signoffRows().length }).toEqual(before);

    expect((await upload('swj', swj, '报送稿.jpg', JPEG)).status).toBe(201);
    r = await h.as('publisher').review.signoff({ id: swj, version: h.report(swj).version });
    expect(r.status).toBe('approved');
  });

  it('is off again once the admin says so', async () => {
    expect(await h.as('admin').years.setScanRequired({ year: Y, required: false })).toMatchObject({ changed: true });
    expect((await h.as('reviewer').submission.get({ id: swj })).scanRequired).toBe(false);
  });
});
