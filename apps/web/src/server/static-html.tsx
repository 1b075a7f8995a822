import 'server-only';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { ReactElement, ReactNode } from 'react';
import { demoAccountsExist } from '@ccgov/auth';
import { getDb } from '@ccgov/db';
import { DemoBannerView } from '@/app/DemoBanner';
import { NotFoundCard } from '@/app/NotFoundCard';
import { PublicFooter, PublicHeader } from '@/app/(public)/_components/PublicChrome';

/**
 * Public pages answered as plain HTML by route handlers: the same server components the App
 * Router pages use, rendered once with react-dom/server's renderToStaticMarkup, with no client
 * JavaScript and no RSC payload (an App Router page always ships Next's runtime and repeats the
 * page's data inline as its React payload, so the report would be in the HTML twice). The page
 * has no script at all, so its CSP is `script-src 'none'` (proxy.ts, isScriptFreePage) and the
 * same bytes can be kept and served to everyone by the fast path (scripts/public-pages.mjs).
 *
 * Components drawn here must be plain functions of their props (no hooks, no next/link, no
 * client components): they render outside React Server Components.
 */

const SITE = '陈仓区政府信息公开工作年度报告';
const DESCRIPTION = '陈仓区各部门、镇街政府信息公开工作年度报告的填报、审核与公开平台';

type Render = (element: ReactElement) => string;
let render: Render | undefined;

/**
 * Route handlers are compiled for React Server Components, where importing `react-dom/server`
 * throws by design; the ordinary Node build is loaded at run time from the installed packages
 * (through Node's own require, which the bundler does not rewrite).
 */
function renderToStaticMarkup(element: ReactElement): string {
  if (!render) {
    const { createRequire } = process.getBuiltinModule('node:module');
    const from = [process.argv[1], join(process.cwd(), 'index.js')].filter((p): p is string => !!p);
    let lastError: unknown;
    for (const base of from) {
      try {
        render = (createRequire(base)('react-dom/server') as { renderToStaticMarkup: Render }).renderToStaticMarkup;
        break;
      } catch (err) {
        lastError = err;
      }
    }
    if (!render) throw lastError;
  }
  return render(element);
}

// ---- The public style sheet (globals.css and public.css, as the App Router pages load them) ----

export const PUBLIC_CSS_PATH = '/styles/public.css';
const CSS_FILES = ['src/app/globals.css', 'src/app/(public)/public.css'];
let css: { text: string; etag: string } | undefined;

// Node's own fs, not the bundler's view of it: a file path computed at run time would otherwise
// make Turbopack trace the whole project into the server output.
const fs = () => process.getBuiltinModule('node:fs');

/** The web app's folder (apps/web): the server runs from the repository or from the app itself. */
function appDir(): string {
  const cwd = process.cwd();
  const candidates = [cwd, `${cwd}/apps/web`, ...(process.argv[1] ? [`${dirname(process.argv[1])}/../apps/web`] : [])];
  const dir = candidates.find((d) => fs().existsSync(`${d}/${CSS_FILES[0]}`));
  if (!dir) throw new Error(`公开页面样式文件未找到 / cannot find ${CSS_FILES[0]} under ${candidates.join(', ')}`);
  return dir;
}

/** The style sheet of the plain-HTML pages, read once (it changes only with a new build). */
export function publicCss(): { text: string; etag: string } {
  if (!css || process.env.NODE_ENV === 'development') {
    const dir = appDir();
    const text = CSS_FILES.map((f) => fs().readFileSync(`${dir}/${f}`, 'utf8')).join('\n');
    css = { text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"` };
  }
  return css;
}

// ---- The document ----

function demoActive(): boolean {
  try {
    return demoAccountsExist(getDb());
  } catch {
    return false; // no database yet (nothing to warn about)
  }
}

/** The public layout as a whole document: skip link, demo banner, header, one <main>, footer. */
function PublicDocument({ title, demo, children }: { title: string; demo: boolean; children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={DESCRIPTION} />
        <link rel="icon" href="/favicon.ico" sizes="any" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={PUBLIC_CSS_PATH} />
      </head>
      <body>
        <a href="#main" className="skip">跳到正文</a>
        {demo && <DemoBannerView />}
        <PublicHeader />
        <main id="main">{children}</main>
        <PublicFooter />
      </body>
    </html>
  );
}

/** The HTML of a public page (title as the App Router pages give it: `页面 · 站名`). */
export function publicPageHtml(title: string | null, body: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <PublicDocument title={title ? `${title} · ${SITE}` : SITE} demo={demoActive()}>
      {body}
    </PublicDocument>,
  )}`;
}

const HTML = 'text/html; charset=utf-8';

/** A public page as a response: `public, max-age=0, must-revalidate` like every public answer. */
export function publicPageResponse(title: string | null, body: ReactNode): Response {
  return new Response(publicPageHtml(title, body), { headers: { 'content-type': HTML, 'cache-control': 'public, max-age=0, must-revalidate' } });
}

/** The 404 page of the public site (the same card as the App Router's not-found). */
export function publicNotFoundResponse(): Response {
  return new Response(publicPageHtml('页面不存在', <NotFoundCard />), { status: 404, headers: { 'content-type': HTML, 'cache-control': 'private, no-store' } });
}
