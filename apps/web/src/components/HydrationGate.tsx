'use client';
import { useHydrated } from './useHydrated';

/**
 * The signed-in pages' fields and buttons, held (disabled) in the server's HTML until React has
 * taken the page over: a figure or a password typed into a server-rendered field before then could
 * be reset by React without a word, and a click would do nothing. Links work at once. The fieldset
 * lays out nothing of its own (display: contents).
 */
export function HydrationGate({ children }: { children: React.ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset className="hydration-gate" disabled={!hydrated} data-hydrated={hydrated ? 'true' : undefined}>
      {children}
    </fieldset>
  );
}
