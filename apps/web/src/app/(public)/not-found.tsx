import { NotFoundCard } from '../NotFoundCard';

/** `notFound()` in these pages: the card inside this layout's own `<main>` (no second main). */
export default function NotFound() {
  return <NotFoundCard />;
}
