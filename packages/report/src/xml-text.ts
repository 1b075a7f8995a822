/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, newline and carriage return;
 * lone surrogates; U+FFFE, U+FFFF) and Unicode non-characters (U+FDD0–U+FDEF, the last two of
 * every plane). One of them in a report would make its Word file unreadable, so user text drops
 * them on input (see `text()` in content.ts and the other text fields of the API).
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|\p{Noncharacter_Code_Point}/gu;

export function stripNonXmlChars(s: string): string {
  return s.replace(NOT_XML, '');
}
