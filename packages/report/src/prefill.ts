/** Year to year: a new report starts from last year's where the format carries figures over. */
import { emptyContent, type ReportContent } from './content';
import { standardOpening } from './format';

/**
 * A new report prefilled from last year's: 二、上年结转 from last year's 四、结转下年度继续办理,
 * 现行有效件数 of 规章 and 行政规范性文件, the contact, and on request the text; the opening is the
 * standard one. Without last year's report the contact unit is the body itself.
 */
export function prefillFromPrevious(year: number, body: string, previous: ReportContent | null, copyText: boolean): ReportContent {
  const content = emptyContent();
  if (previous) {
    content.requests.carriedIn = [...previous.requests.carriedOver];
    content.proactive.rules.inForce = previous.proactive.rules.inForce;
    content.proactive.normativeDocs.inForce = previous.proactive.normativeDocs.inForce;
    content.contact = { ...previous.contact };
    if (copyText) {
      content.overview = { ...previous.overview };
      content.problems = previous.problems;
      content.other = previous.other;
    }
  } else {
    content.contact.unit = body;
  }
  content.opening = standardOpening({ year, body, contact: content.contact });
  return content;
}
