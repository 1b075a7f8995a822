'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useState, type ReactNode } from 'react';
import { errorMessage } from '@/trpc/client';

/**
 * The outcome of the last action in one place (a panel): an error or a confirmation, never both,
 * so an old error disappears with the next success and an old confirmation with the next error.
 */
export type FeedbackState = {
  error: string | null;
  message: ReactNode;
  setError: (error: string | null) => void;
  setMessage: (message: ReactNode) => void;
};

export function useFeedback(): FeedbackState {
  const [state, setState] = useState<{ error: string | null; message: ReactNode }>({ error: null, message: null });
  const setError = useCallback((error: string | null) => setState({ error, message: null }), []);
  const setMessage = useCallback((message: ReactNode) => setState({ error: null, message }), []);
  return { ...state, setError, setMessage };
}

/**
 * Run a mutation with a busy flag and a Chinese error, then refresh the server-rendered data. Pass
 * a panel's `useFeedback()` to share its outcome line with the panel's other forms and buttons.
 */
export function useAction(shared?: FeedbackState) {
  const router = useRouter();
  const own = useFeedback();
  const feedback = shared ?? own;
  const [busy, setBusy] = useState(false);
  async function run<T>(fn: () => Promise<T>, onOk?: (result: T) => void): Promise<T | undefined> {
    setBusy(true);
    try {
      const result = await fn();
      // A success clears the last error (and the last confirmation) first; onOk may set its own.
      feedback.setMessage(null);
      onOk?.(result);
      router.refresh();
      return result;
    } catch (e) {
      feedback.setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error: feedback.error, message: feedback.message, setError: feedback.setError, setMessage: feedback.setMessage, run };
}
