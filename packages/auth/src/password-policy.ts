/**
 * The password policy (等保 第二级 身份鉴别): pure, shared by the server (which enforces it) and the
 * forms (which show the rules beside the field before anything is typed).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_HISTORY = 5;

/** The rules as shown beside every field where a password is chosen. */
export const PASSWORD_RULES: readonly string[] = [
  `至少${PASSWORD_MIN_LENGTH}位`,
  '大写字母、小写字母、数字、符号四类中至少包含三类',
  '不能包含用户名',
  `不能与最近${PASSWORD_HISTORY}次使用过的密码相同`,
];

export const PASSWORD_RULE_TEXT = `密码${PASSWORD_RULES.join('，')}。`;

export function characterClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * Problems with a chosen password, in Chinese (empty = acceptable). The history rule needs the
 * stored hashes and is checked by the server separately.
 */
export function passwordProblems(password: string, username?: string | null): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少${PASSWORD_MIN_LENGTH}位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过${PASSWORD_MAX_LENGTH}位`);
  if (characterClasses(password) < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push('密码不能包含用户名');
  return problems;
}
