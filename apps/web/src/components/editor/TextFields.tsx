'use client';
import { useId } from 'react';
import {
  CONTACT_FIELDS,
  LIMITS,
  TEXT_SECTIONS,
  contactTarget,
  withContactField,
  type ContactKey,
  type OverviewPartKey,
  type ReportContent,
} from '@ccgov/report';
import { useEditor, useEditorActions, visibleIssues } from './EditorContext';
import { FieldNotes } from './Notes';

function writeText(content: ReportContent, target: string, value: string): ReportContent {
  const [, a, b] = target.split('.') as [string, string, string | undefined];
  if (a === 'overview' && b) return { ...content, overview: { ...content.overview, [b as OverviewPartKey | 'lead']: value } };
  if (a === 'opening' || a === 'problems' || a === 'other') return { ...content, [a]: value };
  return content;
}

/** A free-text section: grows with its text, says how much room is left near the limit. */
export function TextSection({
  target,
  label,
  hint,
  rows = 5,
  labelHidden = false,
}: {
  target: string;
  label: string;
  hint?: string;
  rows?: number;
  /** When a heading right above already says the same words. */
  labelHidden?: boolean;
}) {
  const api = useEditor();
  const actions = useEditorActions();
  const id = useId();
  const section = TEXT_SECTIONS.find((s) => s.target === target)!;
  const value = section.read(api.content);
  const over = value.length > LIMITS.textSection;
  const near = value.length > LIMITS.textSection * 0.9;
  const issues = visibleIssues(api, target);
  const hasError = over || issues.some((i) => i.severity === 'error');
  return (
    <div className={`field text-field${hasError ? ' has-error' : issues.length ? ' has-warning' : ''}${api.commentsByTarget.has(target) ? ' has-comment' : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint && <p className="muted small hint">{hint}</p>}
      <textarea
        id={id}
        data-target={target}
        rows={rows}
        value={value}
        aria-invalid={hasError || undefined}
        onChange={(e) => {
          const v = e.target.value;
          actions.updateContent((c) => writeText(c, target, v));
        }}
      />
      {(near || over) && (
        <p className={`small ${over ? 'error-text' : 'muted'}`} role={over ? 'alert' : undefined}>
          已输入 {value.length} 字，上限 {LIMITS.textSection} 字{over ? '，超出部分请删减后才能保存' : ''}
        </p>
      )}
      <FieldNotes target={target} />
    </div>
  );
}

const CONTACT_INPUT: Record<ContactKey, { type: string; autoComplete: string; placeholder?: string }> = {
  unit: { type: 'text', autoComplete: 'organization' },
  person: { type: 'text', autoComplete: 'name' },
  phone: { type: 'tel', autoComplete: 'tel', placeholder: '例如 0917-6215992' },
  email: { type: 'email', autoComplete: 'email', placeholder: '例如 gongkai@example.com' },
};

/**
 * 联系单位/联系人/电话/邮箱. The opening paragraph names the contact; while it is still the
 * standard wording it follows the contact as it is edited, so the two never disagree.
 */
export function ContactFields() {
  const api = useEditor();
  const actions = useEditorActions();
  return (
    <div className="contact-grid">
      {CONTACT_FIELDS.map((f) => {
        const target = contactTarget(f.key);
        const issues = visibleIssues(api, target);
        const id = `contact-${f.key}`;
        return (
          <div key={f.key} className={`field${issues.some((i) => i.severity === 'error') ? ' has-error' : ''}${api.commentsByTarget.has(target) ? ' has-comment' : ''}`}>
            <label htmlFor={id}>{f.label}</label>
            <input
              id={id}
              data-target={target}
              maxLength={LIMITS.contactField}
              value={api.content.contact[f.key]}
              aria-invalid={issues.some((i) => i.severity === 'error') || undefined}
              {...CONTACT_INPUT[f.key]}
              onChange={(e) => {
                const v = e.target.value;
                actions.updateContent((c) => withContactField(c, { year: api.year, body: api.body }, f.key, v));
              }}
            />
            <FieldNotes target={target} />
          </div>
        );
      })}
    </div>
  );
}
