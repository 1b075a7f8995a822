'use client';
/**
 * Drafts that never lose work: autosave shortly after typing stops, an explicit save, optimistic
 * locking (a stale save is refused and the page keeps what was typed), retries while offline,
 * a copy in this browser until the server has it, and a prompt before leaving with unsaved work.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { reportContentSchema, type CheckResult, type ReportContent } from '@ccgov/report';
import { TRPCClientError } from '@trpc/client';
import { errorAppData, errorCode, errorMessage, trpc } from '@/trpc/client';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'invalid' | 'failed';

export const AUTOSAVE_DELAY_MS = 1200;
const RETRY_MS = [2000, 4000, 8000, 15000, 30000];

export type Draft = { content: ReportContent; explanations: Record<string, string> };
type Backup = Draft & { baseVersion: number; at: number };

const backupKey = (reportId: number) => `ccgov:draft:${reportId}`;

export function readBackup(reportId: number): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(reportId));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

function writeBackup(reportId: number, backup: Backup) {
  try {
    window.localStorage.setItem(backupKey(reportId), JSON.stringify(backup));
  } catch {
    /* storage full or disabled: the page still holds the values */
  }
}

export function clearBackup(reportId: number) {
  try {
    window.localStorage.removeItem(backupKey(reportId));
  } catch {
    /* nothing to clear */
  }
}

const isNetworkError = (err: unknown) => !(err instanceof TRPCClientError) || !err.data;

/** The first problem the shared schema finds, in words (the server would refuse the same). */
function localProblem(content: ReportContent): string | null {
  const parsed = reportContentSchema.safeParse(content);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '内容格式不对';
}

export function useDraftSaver(opts: { reportId: number; initialVersion: number; draft: Draft; onSaved?: (check: CheckResult) => void }) {
  const { reportId } = opts;
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const version = useRef(opts.initialVersion);
  const draft = useRef(opts.draft);
  const editSeq = useRef(0);
  const savedSeq = useRef(0);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const stateRef = useRef<SaveState>('saved');
  const onSaved = useRef(opts.onSaved);
  onSaved.current = opts.onSaved;

  const set = useCallback((s: SaveState, msg: string | null = null) => {
    stateRef.current = s;
    setState(s);
    setMessage(msg);
  }, []);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flushRef = useRef<() => Promise<boolean>>(async () => true);

  const schedule = useCallback((delay = AUTOSAVE_DELAY_MS) => {
    clearTimer();
    timer.current = setTimeout(() => void flushRef.current(), delay);
  }, []);

  /** Save now; resolves true once everything typed so far is on the server. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    if (inflight.current) {
      await inflight.current;
      return editSeq.current === savedSeq.current || flushRef.current();
    }
    if (editSeq.current === savedSeq.current) return true;
    if (stateRef.current === 'conflict') return false;
    const problem = localProblem(draft.current.content);
    if (problem) {
      set('invalid', `有内容不符合要求，暂未保存：${problem}`);
      return false;
    }
    const seq = editSeq.current;
    const sent = draft.current;
    set('saving');
    const run = (async () => {
      try {
        const res = await trpc.department.save.mutate({ id: reportId, version: version.current, content: sent.content, explanations: sent.explanations });
        version.current = res.version;
        savedSeq.current = seq;
        attempts.current = 0;
        setSavedAt(new Date());
        onSaved.current?.(res.check);
        if (editSeq.current !== seq) {
          set('dirty');
          schedule();
          return false;
        }
        if (backupTimer.current) clearTimeout(backupTimer.current);
        clearBackup(reportId);
        set('saved');
        return true;
      } catch (err) {
        if (errorCode(err) === 'CONFLICT') {
          set('conflict', errorMessage(err));
        } else if (isNetworkError(err)) {
          const wait = RETRY_MS[Math.min(attempts.current, RETRY_MS.length - 1)]!;
          attempts.current++;
          set('offline', '网络连接中断，您输入的内容仍在本页和本机上，恢复连接后会自动保存。');
          schedule(wait);
        } else if (errorCode(err) === 'UNAUTHORIZED') {
          set('failed', '登录已过期，本次未保存。请在新窗口重新登录后回到本页点“保存草稿”，本页内容不会丢失。');
        } else if (errorAppData<{ locked?: boolean }>(err)?.locked) {
          // 已过截止日期: refused and nothing stored; the copy in this browser is kept.
          set('failed', `${errorMessage(err)}您输入的内容仍保留在本页和本机上，没有丢失。`);
        } else {
          set('failed', errorMessage(err));
        }
        return false;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  }, [reportId, schedule, set]);
  flushRef.current = flush;

  /** Record an edit: keep a copy in this browser at once and save to the server shortly. */
  const changed = useCallback(
    (next: Draft) => {
      draft.current = next;
      editSeq.current++;
      if (backupTimer.current) clearTimeout(backupTimer.current);
      backupTimer.current = setTimeout(() => writeBackup(reportId, { ...draft.current, baseVersion: version.current, at: Date.now() }), 250);
      if (stateRef.current === 'conflict') return;
      if (stateRef.current !== 'saving' && stateRef.current !== 'offline') set('dirty');
      if (stateRef.current !== 'offline') schedule();
    },
    [reportId, schedule, set],
  );

  /** After a conflict: save this page's content over the newer version (the clerk chose to). */
  const overwrite = useCallback(async () => {
    try {
      const latest = await trpc.department.get.query({ id: reportId });
      if (latest.report.status !== 'draft' && latest.report.status !== 'returned') {
        set('conflict', '这份报告已在别处提交，不能再覆盖保存。请刷新页面查看。');
        return false;
      }
      version.current = latest.report.version;
      set('dirty');
      return flush();
    } catch (err) {
      set('conflict', errorMessage(err));
      return false;
    }
  }, [flush, reportId, set]);

  // Retry at once when the connection comes back.
  useEffect(() => {
    const online = () => {
      if (stateRef.current === 'offline') void flushRef.current();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  // Leaving with unsaved work asks first: closing or reloading the tab, and links inside the site.
  const unsaved = state !== 'saved';
  const leaving = useRef(false);
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (leaving.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const linkClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a || e.defaultPrevented || a.getAttribute('target') === '_blank' || a.getAttribute('href')?.startsWith('#')) return;
      if (!window.confirm('本页还有未保存的修改，离开后可能丢失。确定要离开吗？')) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', linkClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', linkClick, true);
    };
  }, [unsaved]);

  useEffect(
    () => () => {
      clearTimer();
      if (backupTimer.current) clearTimeout(backupTimer.current);
    },
    [],
  );

  /** Take content the server saved by another route (an Excel import) as the saved state. */
  const adopt = useCallback(
    (nextVersion: number, next: Draft) => {
      clearTimer();
      version.current = nextVersion;
      draft.current = next;
      savedSeq.current = editSeq.current;
      clearBackup(reportId);
      setSavedAt(new Date());
      set('saved');
    },
    [reportId, set],
  );

  /** The clerk chose to throw this page's changes away (e.g. to load the newer version). */
  const discardAndReload = useCallback(() => {
    leaving.current = true;
    clearTimer();
    if (backupTimer.current) clearTimeout(backupTimer.current);
    clearBackup(reportId);
    window.location.reload();
  }, [reportId]);

  return { state, message, savedAt, version, changed, flush, overwrite, adopt, discardAndReload, unsaved };
}
