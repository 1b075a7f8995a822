import { describe, expect, it } from 'vitest';
import { DEPARTMENT_KIND_CHOICES, DEPARTMENT_KIND_LABELS, DEPARTMENT_KIND_WORDS, departmentKindLabel } from './departments';

describe('department kinds', () => {
  it('are labelled 部门 and 镇街', () => {
    expect(DEPARTMENT_KIND_LABELS).toEqual({ department: '部门', town: '镇街' });
    expect(departmentKindLabel('town')).toBe('镇街');
  });

  it('show an unknown kind as it is', () => {
    expect(departmentKindLabel('bureau')).toBe('bureau');
  });

  it('name the choices in messages', () => {
    expect(DEPARTMENT_KIND_CHOICES).toBe('“部门”或“镇街”');
  });

  it('read 部门, 镇街, 镇 and 街道 from a directory list', () => {
    expect(DEPARTMENT_KIND_WORDS).toEqual({ 部门: 'department', 镇街: 'town', 镇: 'town', 街道: 'town' });
  });
});
