import { asc, departments, eq, users, type Db } from '@ccgov/db';

export function listDepartments(db: Db) {
  return db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.id)).all();
}

export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      departmentName: departments.name,
      active: users.active,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .orderBy(asc(users.id))
    .all();
}
