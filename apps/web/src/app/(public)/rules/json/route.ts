import { fileResponse } from '@/server/public-data';
import { loadRuleBook, RULES_FILE_NAME } from '../rule-book';

export const dynamic = 'force-dynamic';

/** /rules/json: `{ version, rules: [{ id, number, severity, title, description, codes, added, changed, tests, explainable }] }`. */
export async function GET() {
  const book = await loadRuleBook();
  const res = fileResponse(
    `${JSON.stringify(book, null, 2)}\n`,
    'application/json; charset=utf-8',
    `${RULES_FILE_NAME}（${book.version}）.json`,
    `rules-${book.version}.json`,
    true,
  );
  res.headers.set('access-control-allow-origin', '*');
  return res;
}
