import { threadId as mainThreadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { MissingFontError, pdfPool, renderPdf } from './index';
import { published } from './published.testing';

describe('PDF rendering in a worker thread', () => {
  it('draws the report there: a PDF Buffer, not drawn on this thread', async () => {
    const before = pdfPool.stats.inWorker;
    const bytes = await renderPdf(published);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(pdfPool.stats.inWorker - before).toBe(1);
    expect(pdfPool.fallbackMode).toBe(false);
    expect([...pdfPool.stats.threadIds]).not.toContain(mainThreadId);
  });

  it('a missing font is still a MissingFontError for the route (503 with advice)', async () => {
    const err = await renderPdf(published, { font: { path: '/nonexistent/font.ttc' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingFontError);
    expect((err as Error).message).toContain('/nonexistent/font.ttc');
    expect((err as Error).message).toContain('fonts-noto-cjk');
  });
});
