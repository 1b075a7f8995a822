import { unzipSync } from 'fflate';
import JSZip from 'jszip';

/**
 * The guard every uploaded .xlsx passes before exceljs parses it. An .xlsx is a zip archive, and
 * exceljs inflates every entry into memory: a small upload could expand to gigabytes (a zip
 * bomb), or hold tens of thousands of entries. So the archive is checked first:
 *
 * 1. the central directory (read with fflate, nothing inflated): at most `maxEntries` entries,
 *    only stored or deflated entries, no entry and no total above `maxBytes` as declared, and no
 *    entry whose declared compression ratio is that of a zip bomb;
 * 2. every entry is then inflated as a stream by JSZip, the very parser exceljs uses, counting
 *    bytes and stopping at once when an entry produces more than it declared or the total passes
 *    `maxBytes`: a header that lies about its size cannot get past, and nothing is kept.
 *
 * Memory stays bounded by one inflated chunk (JSZip inflates 16 KB of input at a time and the
 * output is counted, never stored); time by `maxBytes` of inflation.
 */
export type ZipLimits = {
  /** Entries in the archive, folders included (an .xlsx of this platform has about 15). */
  maxEntries: number;
  /** Uncompressed bytes, for any one entry and for all entries together. */
  maxBytes: number;
  /** Uncompressed ÷ compressed size above which a large entry is taken for a zip bomb. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (a tiny, very regular XML part is harmless). */
  ratioFloorBytes: number;
};

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 300,
  maxBytes: 20 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipCheck = { ok: true; entries: number; bytes: number } | { ok: false; message: string };

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const UNREADABLE = '文件不是有效的 .xlsx（zip）文件，无法读取';

/** JSZip's documented ZipObject#internalStream, missing from its type declarations. */
type StreamingObject = JSZip.JSZipObject & { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> };
type Listed = { name: string; size: number; originalSize: number; compression: number };
class Refusal extends Error {}

export async function checkZipArchive(data: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipCheck> {
  // 1. The central directory, as declared.
  const listed = new Map<string, Listed>();
  let declared = 0;
  try {
    unzipSync(data, {
      filter(f) {
        if (listed.size >= limits.maxEntries) throw new Refusal(`文件包含的部件过多（超过${limits.maxEntries}个），不像是 Excel 表格，未读取`);
        if (f.compression !== 0 && f.compression !== 8) throw new Refusal('文件使用了不支持的压缩方式，请用 Excel 或 WPS 另存为 .xlsx 后重试');
        if (listed.has(f.name)) throw new Refusal('文件中有重复的部件，结构异常，未读取');
        if (f.originalSize > limits.maxBytes) throw new Refusal(tooLarge(limits));
        declared += f.originalSize;
        if (declared > limits.maxBytes) throw new Refusal(tooLarge(limits));
        if (f.originalSize >= limits.ratioFloorBytes && f.originalSize > f.size * limits.maxRatio) throw new Refusal(bombMessage);
        listed.set(f.name, f);
        return false; // nothing is inflated here
      },
    });
  } catch (e) {
    return { ok: false, message: e instanceof Refusal ? e.message : UNREADABLE };
  }

  // 2. What the entries really hold, inflated by the parser exceljs uses, with a hard limit.
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch {
    return { ok: false, message: UNREADABLE };
  }
  const files = Object.values(zip.files);
  // Both readers must see the same archive; a second, hidden directory is a trick.
  if (files.length !== listed.size || files.some((f) => !listed.has(f.name))) return { ok: false, message: '文件结构异常，未读取' };

  let total = 0;
  for (const file of files) {
    if (file.dir) continue;
    const entry = listed.get(file.name)!;
    try {
      const bytes = await inflateCounting(file, (n) => {
        total += n;
        if (total > limits.maxBytes) return tooLarge(limits);
        return null;
      }, entry.originalSize);
      if (bytes !== entry.originalSize) return { ok: false, message: '文件已损坏（部件大小与声明不符），未读取' };
      if (bytes >= limits.ratioFloorBytes && bytes > entry.size * limits.maxRatio) return { ok: false, message: bombMessage };
    } catch (e) {
      return { ok: false, message: e instanceof Refusal ? e.message : UNREADABLE };
    }
  }
  return { ok: true, entries: files.length, bytes: total };
}

const tooLarge = (limits: ZipLimits) => `文件解压后过大（上限 ${MB(limits.maxBytes)}），不像是 Excel 表格，未读取`;
const bombMessage = '文件压缩比异常（疑似“压缩炸弹”），未读取';

/**
 * Inflate one entry, counting its bytes and dropping them. Stops (and rejects with a Refusal) as
 * soon as the entry yields more than it declared or `onBytes` says the total is too large.
 */
function inflateCounting(file: JSZip.JSZipObject, onBytes: (n: number) => string | null, declaredSize: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let bytes = 0;
    let done = false;
    // internalStream is JSZip's public streaming reader (StreamHelper): data, error, end, pause.
    const stream = (file as StreamingObject).internalStream('uint8array');
    const stop = (err: Error | null) => {
      if (done) return;
      done = true;
      stream.pause();
      if (err) reject(err);
      else resolve(bytes);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        bytes += chunk.length;
        if (bytes > declaredSize) return stop(new Refusal('文件已损坏（部件实际大小超过声明），未读取'));
        const refusal = onBytes(chunk.length);
        if (refusal) stop(new Refusal(refusal));
      })
      .on('error', (e: Error) => stop(e))
      .on('end', () => stop(null))
      .resume();
  });
}

/**
 * The files inside an uploaded .zip (历史导入 accepts a .zip of reports), read only after the
 * archive passed checkZipArchive with the same limits: folders and macOS metadata are skipped.
 */
export async function readZipEntries(
  data: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<{ ok: true; entries: { name: string; data: Uint8Array }[] } | { ok: false; message: string }> {
  const check = await checkZipArchive(data, limits);
  if (!check.ok) return check;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data);
  } catch {
    return { ok: false, message: '压缩包已损坏，无法读取' };
  }
  const entries = Object.entries(files)
    .filter(([name]) => !name.endsWith('/') && !name.startsWith('__MACOSX/') && !/(^|\/)\./.test(name))
    .map(([name, bytes]) => ({ name, data: bytes }));
  return { ok: true, entries };
}
