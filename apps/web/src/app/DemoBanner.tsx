import { connection } from 'next/server';
import { demoAccountsExist } from '@ccgov/auth';
import { getDb } from '@ccgov/db';

export const DEMO_BANNER_TEXT = '演示环境：账号和数据均为演示用途，请勿用于正式发布';

/**
 * While an active account still has the published demo password, every page (public and signed
 * in) says so. The flag is one cached lookup (packages/auth demoAccountsExist), refreshed when an
 * account changes, so the banner costs nothing per request.
 */
export async function DemoBanner() {
  await connection(); // decided per request, never frozen into a build
  let demo = false;
  try {
    demo = demoAccountsExist(getDb());
  } catch {
    demo = false; // no database yet (nothing to warn about)
  }
  return demo ? <DemoBannerView /> : null;
}

/** The banner itself (also drawn by the pages rendered to plain HTML, server/static-html.tsx). */
export function DemoBannerView() {
  return (
    <aside className="demo-banner" aria-label="演示环境提示">
      {DEMO_BANNER_TEXT}
    </aside>
  );
}
