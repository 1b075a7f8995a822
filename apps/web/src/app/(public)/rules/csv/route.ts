import { fileResponse } from '@/server/public-data';
import { loadRuleBook, ruleBookCsv, RULES_FILE_NAME } from '../rule-book';

export const dynamic = 'force-dynamic';

/** /rules/csv: the rule book, one rule per line. */
export async function GET() {
  const book = await loadRuleBook();
  return fileResponse(ruleBookCsv(book), 'text/csv; charset=utf-8', `${RULES_FILE_NAME}（${book.version}）.csv`, `rules-${book.version}.csv`);
}
