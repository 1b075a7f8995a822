'use client';
import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * 上传扫描件: the raw file goes to POST {base}/scans (no base64), its name in X-File-Name. The size
 * is checked here first so a too-large scan is not sent at all; the server checks everything again
 * (role, the body's own report, size, type by content) and answers with a Chinese message.
 */
export function ScanUpload({ reportId, maxBytes }: { reportId: number; maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setNotice(null);
    if (!file) return setNotice({ ok: false, text: '请先选择签字盖章后的报送稿扫描件（PDF、JPG 或 PNG）' });
    if (file.size > maxBytes) {
      return setNotice({ ok: false, text: `文件过大：扫描件不能超过 ${maxBytes / 1024 / 1024} MB（本文件 ${mb(file.size)}），请降低扫描分辨率或改为黑白扫描后重新上传` });
    }
    setBusy(true);
    try {
      const res = await fetch(`/dept/reports/${reportId}/scans`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      });
      const body = (await res.json().catch(() => null)) as { error?: string; scan?: { fileName: string; sha256: string } } | null;
      if (!res.ok || !body?.scan) {
        setNotice({ ok: false, text: body?.error ?? `上传失败（${res.status}），请稍后重试` });
        return;
      }
      setNotice({ ok: true, text: `已上传：${body.scan.fileName}（SHA-256 ${body.scan.sha256.slice(0, 12)}…）` });
      if (input.current) input.current.value = '';
      router.refresh();
    } catch {
      setNotice({ ok: false, text: '网络连接中断，扫描件未上传，请重试' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} aria-label="上传签字盖章扫描件">
      <div className="field" style={{ marginTop: 8 }}>
        <label htmlFor={`scan-file-${reportId}`}>签字盖章后的报送稿扫描件（PDF、JPG 或 PNG，不超过 {maxBytes / 1024 / 1024} MB）</label>
        <input id={`scan-file-${reportId}`} ref={input} type="file" accept={ACCEPT} onChange={() => setNotice(null)} />
      </div>
      <div className="actions" style={{ marginTop: 8 }}>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? '正在上传…' : '上传扫描件'}
        </button>
      </div>
      {notice && (
        <p className={`alert ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
    </form>
  );
}
