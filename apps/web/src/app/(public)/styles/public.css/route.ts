import { publicCss } from '@/server/static-html';

export const dynamic = 'force-dynamic';

/**
 * The style sheet of the public pages rendered to plain HTML (server/static-html.tsx): the same
 * globals.css and public.css the App Router pages load. Kept and revalidated by the fast path.
 */
export function GET() {
  const { text, etag } = publicCss();
  return new Response(text, { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=0, must-revalidate', etag } });
}
