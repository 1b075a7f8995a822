/** The two kinds of reporting body: 部门 (a department of the district) and 镇街 (a town or subdistrict). */
export const DEPARTMENT_KINDS = ['department', 'town'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const DEPARTMENT_KIND_LABELS = { department: '部门', town: '镇街' } as const satisfies Record<DepartmentKind, string>;

/** The label of a kind; an unknown value is shown as it is. */
export function departmentKindLabel(kind: string): string {
  return kind in DEPARTMENT_KIND_LABELS ? DEPARTMENT_KIND_LABELS[kind as DepartmentKind] : kind;
}

/** “部门”或“镇街”, for messages that say what a kind may be. */
export const DEPARTMENT_KIND_CHOICES = DEPARTMENT_KINDS.map((k) => `“${DEPARTMENT_KIND_LABELS[k]}”`).join('或');

/** Words a directory list may use for the kind: the labels, and 镇 or 街道 for a town. */
export const DEPARTMENT_KIND_WORDS: Readonly<Record<string, DepartmentKind>> = {
  ...Object.fromEntries(DEPARTMENT_KINDS.map((k) => [DEPARTMENT_KIND_LABELS[k], k])),
  镇: 'town',
  街道: 'town',
};
