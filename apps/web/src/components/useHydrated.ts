'use client';
import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * False in the server's HTML and while React hydrates it, true from then on. Forms use it to hold
 * their fields and buttons until React owns them: text typed into a server-rendered field before
 * hydration can be reset by React, and a submit before it would be the browser's own (a GET that
 * puts the fields in the address).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
