'use client';
/** 提交审核: ask first (or point at what still needs fixing), save what is on screen, then submit. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { panelItemCount, unexplainedWarnings, type CheckIssue } from '@ccgov/report';
import { errorAppData, errorMessage, trpc } from '@/trpc/client';
import { clearBackup } from './useDraftSaver';
import type { ReportDraft } from './useReportDraft';

export type SubmitStage = 'idle' | 'confirm' | 'submitting' | 'done';

export function useSubmission(
  reportId: number,
  draft: ReportDraft,
  opts: { toEdit: () => void; focusCheckPanel: () => void; explainRequired?: readonly string[] },
) {
  const router = useRouter();
  const [stage, setStage] = useState<SubmitStage>('idle');
  const [error, setError] = useState<string | null>(null);
  const { saver, panelErrors, setShowGaps, setPanelOpen } = draft;

  const submit = async () => {
    setError(null);
    setStage('submitting');
    const saved = await saver.flush();
    if (!saved) {
      setStage('idle');
      setError('最新的修改还没有保存成功，请先处理上方的保存提示，再提交。');
      return;
    }
    try {
      await trpc.department.submit.mutate({ id: reportId, version: saver.version.current });
      clearBackup(reportId);
      setStage('done');
      router.refresh();
    } catch (err) {
      setStage('idle');
      const errors = errorAppData<{ errors?: CheckIssue[] }>(err)?.errors;
      if (errors?.length) {
        setShowGaps(true);
        setPanelOpen(true);
      }
      setError(errorMessage(err));
    }
  };

  const ask = () => {
    setError(null);
    if (panelErrors.length > 0) {
      setShowGaps(true);
      setPanelOpen(true);
      opts.toEdit();
      setError(`还有 ${panelItemCount(panelErrors)} 处需要修改，改好后才能提交审核。请看“校验结果”，点击每一条可以直接跳到要改的地方。`);
      opts.focusCheckPanel();
      return;
    }
    // 需说明: the same rule the server applies on submit.
    const unexplained = unexplainedWarnings(draft.check.warnings, opts.explainRequired ?? [], draft.explanations);
    if (unexplained.length > 0) {
      setPanelOpen(true);
      opts.toEdit();
      setError(`还有 ${unexplained.length} 条提醒需要填写说明后才能提交审核。请在“校验结果”中标有“需说明”的提醒下填写说明。`);
      opts.focusCheckPanel();
      return;
    }
    setStage('confirm');
  };

  return { stage, error, submit, ask, cancel: () => setStage('idle'), busy: stage === 'submitting' || stage === 'done' };
}

export type Submission = ReturnType<typeof useSubmission>;
