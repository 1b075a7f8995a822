import { standardOpening, type ReportContent } from '@ccgov/report';
import type { Figures } from './figures';
import { demoContact, demoNarrative } from './narrative';
import type { DemoUnit } from './units';

/** A complete report for one body and year, built from its figures. */
export function demoContent(unit: DemoUnit, year: number, figures: Figures, contact = demoContact(unit)): ReportContent {
  return {
    contact,
    opening: standardOpening({ year, body: unit.name, contact }),
    ...demoNarrative(unit, year, figures),
    ...structuredClone(figures),
  };
}

/** A draft half done: front matter, overview and table 三 written; fee, table 四 and closing sections not yet. */
export function partialDraft(full: ReportContent): ReportContent {
  const draft = structuredClone(full);
  for (const block of Object.values(draft.reviews)) {
    for (const k of Object.keys(block) as (keyof typeof block)[]) block[k] = null;
  }
  draft.proactive.fees.amount = null;
  draft.problems = '';
  draft.other = '';
  return draft;
}
