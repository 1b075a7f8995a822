import { NotFoundCard } from './NotFoundCard';

/**
 * An address that no route matches: only the root layout is around it, so this page brings the
 * `<main>` landmark. `notFound()` inside the public or signed-in pages renders their own
 * not-found.tsx instead, inside the `<main>` their layout already has.
 */
export default function NotFound() {
  return (
    <main id="main">
      <NotFoundCard />
    </main>
  );
}
