import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';
import { queryDb, reportIdOf } from '../support/db';
import { openYear } from './form';

/**
 * 报送稿 and the scan of the signed copy, by 陈仓区工业和信息化局 (gxj, submitted in the demo): no
 * other spec touches gxj; jcz (陈仓区贾村镇) is the other body that must not see its scan.
 */
test.describe.configure({ mode: 'serial' });

const BODY = '陈仓区工业和信息化局';
/** A real PNG (1 × 1), as a scanner or phone would save it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const HTML = Buffer.from('<!doctype html><title>x</title><script>alert(1)</script>');

const scansOf = (id: number) => queryDb<{ id: number; file_name: string; sha256: string }>('SELECT id, file_name, sha256 FROM report_scans WHERE report_id = ?', id);

test('the clerk opens the 报送稿 with its signature block, is refused a renamed file, attaches a PNG', async ({ page }) => {
  const id = reportIdOf('gxj', openYear());
  await signIn(page, 'gxj');
  await page.goto(`/dept/reports/${id}`);
  const card = page.getByTestId('submission-card');
  await expect(card.getByRole('heading', { name: '报送稿与签字盖章扫描件' })).toBeVisible();

  await card.getByRole('link', { name: '查看和打印报送稿' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${BODY}${openYear()}年政府信息公开工作年度报告` })).toBeVisible();
  const sheet = page.getByTestId('submission-sheet');
  await expect(sheet.getByRole('note')).toHaveText(/报送稿：供单位负责人签字、单位盖章后报送区数据局，不是对外公开发布的文本/);
  await expect(sheet).toContainText(/报送稿\s第\d+次提交\s版本 \d+\s提交时间：/);
  const signature = sheet.getByRole('region', { name: '签字盖章' });
  await expect(signature).toContainText('单位负责人（签字）：');
  await expect(signature).toContainText('单位（盖章）');
  await expect(signature).toContainText('日期：＿＿＿＿年＿＿月＿＿日');
  await expect(page.getByRole('button', { name: '打印报送稿' })).toBeVisible();
  const pdf = await page.request.get(`/dept/reports/${id}/submission/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByRole('link', { name: '返回上传扫描件' }).click();
  const form = page.getByRole('form', { name: '上传签字盖章扫描件' });
  const upload = page.getByLabel(/签字盖章后的报送稿扫描件/);
  await upload.setInputFiles({ name: '报送稿.pdf', mimeType: 'application/pdf', buffer: HTML });
  await page.getByRole('button', { name: '上传扫描件' }).click();
  await expect(form.getByRole('alert')).toContainText('文件内容不是 PDF、JPG 或 PNG');
  expect(scansOf(id)).toHaveLength(0);

  await upload.setInputFiles({ name: '报送稿（已盖章）.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: '上传扫描件' }).click();
  await expect(form.getByRole('status')).toContainText('已上传：报送稿（已盖章）.png');
  await expect(page.getByTestId('scan-item')).toHaveCount(1);
  await expect(page.getByTestId('scan-item')).toContainText('报送稿（已盖章）.png');
  expect(scansOf(id).map((s) => s.file_name)).toEqual(['报送稿（已盖章）.png']);
});

test('the reviewer sees the scan on the review screen; another department gets 404', async ({ page, browser }) => {
  const id = reportIdOf('gxj', openYear());
  const [scan] = scansOf(id);
  expect(scan).toBeTruthy();
  await signIn(page, 'reviewer');
  await page.goto(`/review/${id}`);
  const card = page.getByTestId('submission-card');
  await expect(card.getByRole('link', { name: '报送稿（已盖章）.png' })).toBeVisible();
  await expect(card.getByRole('img', { name: '扫描件：报送稿（已盖章）.png' })).toBeVisible();
  await expect(card).toContainText(scan!.sha256);
  const res = await page.request.get(`/review/${id}/scans/${scan!.id}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/png');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.compare(await res.body(), PNG)).toBe(0);
  // Each mount point admits its own roles only: the department's URLs are not the bureau's way in.
  expect((await page.request.get(`/dept/reports/${id}/scans/${scan!.id}`)).status()).toBe(403);
  expect((await page.request.get(`/dept/reports/${id}/submission/pdf`)).status()).toBe(403);
  expect((await page.request.post(`/dept/reports/${id}/scans`, { data: PNG, headers: { 'x-file-name': 'x.png' } })).status()).toBe(403);
  const pdf = await page.request.get(`/review/${id}/submission/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment;/);
  await card.getByRole('link', { name: '查看和打印报送稿' }).click();
  await expect(page.getByTestId('submission-sheet').getByRole('region', { name: '签字盖章' })).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, 'jcz');
  for (const url of [`/dept/reports/${id}/scans/${scan!.id}`, `/dept/reports/${id}/submission`, `/dept/reports/${id}/submission/pdf`]) {
    const r = await other.request.get(url);
    expect(r.status(), url).toBe(404);
    expect(await r.text()).not.toContain('工业和信息化');
  }
  expect((await other.request.get(`/review/${id}/scans/${scan!.id}`)).status()).toBe(403);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/review/${id}/scans/${scan!.id}`)).status()).toBe(401);
  await anonymous.close();
  const post = await other.request.post(`/dept/reports/${id}/scans`, { data: PNG, headers: { 'x-file-name': 'x.png', 'content-type': 'application/octet-stream' } });
  expect(post.status()).toBe(404);
  expect(scansOf(id)).toHaveLength(1);
  await other.close();
});
