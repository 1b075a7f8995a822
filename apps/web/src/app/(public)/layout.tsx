import './public.css';
import { PublicFooter, PublicHeader } from './_components/PublicChrome';

/** Public pages read no session, so they can be cached and served without the database. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main">{children}</main>
      <PublicFooter />
    </>
  );
}
