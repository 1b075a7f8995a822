import { describe, expect, it } from 'vitest';
import { PASSWORD_RULES, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('the demo password Demo@12345 (10 characters, 4 classes) is acceptable', () => {
    expect(passwordProblems('Demo@12345', 'fgj')).toEqual([]);
  });

  it('three of the four classes are enough', () => {
    expect(passwordProblems('Chencang2027', 'fgj')).toEqual([]);
    expect(passwordProblems('chencang#2027', 'fgj')).toEqual([]);
  });

  it('fewer than 10 characters is refused', () => {
    expect(passwordProblems('Demo@1234', 'fgj')).toContain('密码至少10位');
  });

  it('two classes are refused', () => {
    expect(passwordProblems('chencang2027', 'fgj')).toContain('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  });

  it('containing the username (in any case) is refused', () => {
    expect(passwordProblems('Xyz-FGJ-2027a', 'fgj')).toContain('密码不能包含用户名');
  });

  it('the rules shown beside the field name every requirement', () => {
    expect(PASSWORD_RULES.join('')).toMatch(/10位.*三类.*用户名.*5次/);
  });
});
