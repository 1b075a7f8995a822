/**
 * The opening paragraph names the contact. While it is still the standard wording it follows the
 * contact as it is edited, so the two never disagree; once the clerk rewrites it, it is theirs.
 */
import type { ReportContent } from './content';
import { standardOpening, type ContactKey } from './format';

export type OpeningContext = { year: number; body: string };

/** The content with one contact field changed, and the opening with it while it is the standard one. */
export function withContactField(content: ReportContent, ctx: OpeningContext, key: ContactKey, value: string): ReportContent {
  const contact = { ...content.contact, [key]: value };
  const followsStandard = content.opening === standardOpening({ ...ctx, contact: content.contact });
  return { ...content, contact, opening: followsStandard ? standardOpening({ ...ctx, contact }) : content.opening };
}

/** The content with the standard opening for its contact (恢复为标准开头说明). */
export function withStandardOpening(content: ReportContent, ctx: OpeningContext): ReportContent {
  return { ...content, opening: standardOpening({ ...ctx, contact: content.contact }) };
}
