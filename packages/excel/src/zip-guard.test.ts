import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTemplate, checkZipArchive, readPlainTable, readTemplate } from './index';

const MB = 1024 * 1024;
const zeros = (n: number) => new Uint8Array(n);

/** A zip of the given parts, deflated at the strongest level (how a bomb is made). */
const zip = (files: Zippable) => zipSync(files, { level: 9 });

/**
 * A zip whose headers lie: every size field of every entry (local header and central directory)
 * claims `claimed` bytes, whatever the entry really inflates to.
 */
function lyingZip(name: string, content: Uint8Array, claimed: number): Uint8Array {
  const out = zip({ [name]: content });
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, claimed, true); // local header: uncompressed size
    if (sig === 0x02014b50) view.setUint32(i + 24, claimed, true); // central directory: uncompressed size
  }
  return out;
}

describe('the upload zip guard', () => {
  it('lets the platform’s own template through, and the template still reads', async () => {
    const template = new Uint8Array(await buildTemplate({ year: 2026 }));
    const check = await checkZipArchive(template);
    expect(check.ok).toBe(true);
    const read = await readTemplate(template, { year: 2026 });
    expect(read.ok).toBe(true);
  });

  it('refuses an archive of thousands of entries before inflating any of them', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 2000; i++) files[`xl/part${i}.xml`] = new TextEncoder().encode('<a/>');
    const check = await checkZipArchive(zip(files));
    expect(check).toEqual({ ok: false, message: expect.stringContaining('部件过多') });
  });

  it('refuses one huge, highly compressible entry by its declared size', async () => {
    const bomb = zip({ 'xl/worksheets/sheet1.xml': zeros(64 * MB) });
    expect(bomb.byteLength).toBeLessThan(2 * MB); // small enough to be uploaded
    const check = await checkZipArchive(bomb);
    expect(check).toEqual({ ok: false, message: expect.stringContaining('解压后过大') });
  });

  it('refuses an entry under the size bound whose compression ratio is a zip bomb’s', async () => {
    const check = await checkZipArchive(zip({ 'xl/sharedStrings.xml': zeros(8 * MB) }));
    expect(check).toEqual({ ok: false, message: expect.stringContaining('压缩比异常') });
  });

  it('refuses an entry whose header lies about its size, stopping at the lie', async () => {
    // Claims 1 000 bytes, really inflates to 100 MB: only inflating finds out.
    const liar = lyingZip('xl/worksheets/sheet1.xml', zeros(100 * MB), 1000);
    const before = process.memoryUsage().arrayBuffers;
    const check = await checkZipArchive(liar);
    expect(check).toEqual({ ok: false, message: expect.stringContaining('实际大小超过声明') });
    // Nothing inflated is kept: the bytes were counted and dropped.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * MB);
  });

  it('refuses entries that together pass the bound even though each is small', async () => {
    const files: Zippable = {};
    // 12 entries of 2 MB of varied text (ratio ≈ 4, nothing like a bomb): 24 MB in all.
    const text = new TextEncoder().encode(Array.from({ length: 2 * MB / 8 }, (_, i) => (i * 2654435761 >>> 0).toString(36).padStart(8, '0').slice(0, 8)).join(''));
    for (let i = 0; i < 12; i++) files[`xl/p${i}.xml`] = text;
    const check = await checkZipArchive(zip(files));
    expect(check).toEqual({ ok: false, message: expect.stringContaining('解压后过大') });
  });

  it('answers a file that is no zip at all with a Chinese message', async () => {
    const check = await checkZipArchive(new TextEncoder().encode('PK this is not really a zip'));
    expect(check).toEqual({ ok: false, message: expect.stringContaining('无法读取') });
  });

  it('guards the template import and the directory import alike', async () => {
    const bomb = zip({ 'xl/worksheets/sheet1.xml': zeros(64 * MB) });
    const template = await readTemplate(bomb, { year: 2026 });
    expect(template.ok).toBe(false);
    if (!template.ok) expect(template.problems[0]!.message).toContain('解压后过大');
    const table = await readPlainTable(bomb);
    expect(table).toEqual({ ok: false, message: expect.stringContaining('解压后过大') });
  });
});
