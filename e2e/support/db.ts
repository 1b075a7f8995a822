import Database from 'better-sqlite3';

/** Read-only look into the run's database, to find ids the way a curious user might guess them. */
export function queryDb<T>(sql: string, ...params: unknown[]): T[] {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error('E2E_DATABASE_PATH not set (global setup did not run)');
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function reportIdOf(departmentCode: string, year: number): number {
  const rows = queryDb<{ id: number }>(
    'SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id WHERE d.code = ? AND r.year = ?',
    departmentCode,
    year,
  );
  if (!rows[0]) throw new Error(`no report for ${departmentCode} ${year}`);
  return rows[0].id;
}
