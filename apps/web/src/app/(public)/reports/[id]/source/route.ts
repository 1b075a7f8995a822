import { AppError, importSourceFile } from '@ccgov/api';
import { getDb } from '@ccgov/db';
import { fileResponse, parseId, textError } from '@/server/public-data';

export const dynamic = 'force-dynamic';

const NO_SOURCE = '该报告没有可下载的原文件（只有历史导入的现行版本提供原文件）';

/**
 * /reports/{id}/source: the original file a 历史导入 publication was read from, exactly as
 * uploaded (its SHA-256 is on the page). Only the current version of a publication offers it;
 * anything else answers 404. Always a download, never rendered on this site (a saved web page
 * may hold scripts): attachment, nosniff and a sandboxing CSP.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id == null) return textError(404, NO_SOURCE);
  try {
    const f = importSourceFile(getDb(), id);
    const ext = /\.([a-z0-9]{1,5})$/i.exec(f.fileName)?.[1]?.toLowerCase() ?? 'txt';
    const res = fileResponse(f.bytes, f.mime, f.fileName, `source-${id}.${ext}`);
    res.headers.set('content-security-policy', 'sandbox');
    res.headers.set('x-content-sha256', f.sha256);
    return res;
  } catch (e) {
    if (e instanceof AppError) return textError(404, NO_SOURCE);
    throw e;
  }
}
