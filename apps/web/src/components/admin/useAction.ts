'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '@/trpc/client';

/** Run a mutation with a busy flag and a Chinese error, then refresh the server-rendered data. */
export function useAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run<T>(fn: () => Promise<T>, onOk?: (result: T) => void): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await fn();
      onOk?.(result);
      router.refresh();
      return result;
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
