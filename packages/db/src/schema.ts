import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ReportContent, ReportStatus, Role } from '@ccgov/report';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** Key/value district settings: district name, bureau name, required sign-offs, … */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const departments = sqliteTable(
  'departments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 部门 or 镇街 */
    kind: text('kind', { enum: ['department', 'town'] }).notNull().default('department'),
    /** Short code used for the demo account name, e.g. sjj */
    code: text('code').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('departments_name_uq').on(t.name), uniqueIndex('departments_code_uq').on(t.code)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['department', 'reviewer', 'publisher', 'admin'] }).$type<Role>().notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    /** Bumped on disable / password reset so existing sessions stop working at once. */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    check('users_department_role_ck', sql`(${t.role} = 'department') = (${t.departmentId} IS NOT NULL)`),
  ],
);

/** A reporting year opened by the bureau. */
export const reportingYears = sqliteTable('reporting_years', {
  year: integer('year').primaryKey(),
  /** ISO date (YYYY-MM-DD) of the legal deadline, default 31 January of year + 1. */
  legalDeadline: text('legal_deadline').notNull(),
  internalDeadline: text('internal_deadline'),
  open: integer('open', { mode: 'boolean' }).notNull().default(true),
  /** Whether a department must attach the scan of its signed and sealed 报送稿 before submitting. */
  scanRequired: integer('scan_required', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    year: integer('year').notNull(),
    status: text('status', {
      enum: ['draft', 'submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn'],
    })
      .$type<ReportStatus>()
      .notNull()
      .default('draft'),
    /** Validated by reportContentSchema before every write. */
    content: text('content', { mode: 'json' }).$type<ReportContent>().notNull(),
    /** Department's 说明 per warning code: { [issueKey]: text } */
    explanations: text('explanations', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    /** Optimistic lock: every write must name the version it read, and bumps it. */
    version: integer('version').notNull().default(1),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex('reports_department_year_uq').on(t.departmentId, t.year),
    index('reports_year_status_idx').on(t.year, t.status),
  ],
);

/** Append-only: who did what to which report, when. Triggers refuse UPDATE and DELETE. */
export const reportEvents = sqliteTable(
  'report_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    userId: integer('user_id').references(() => users.id),
    role: text('role').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** The report version this event acted on. */
    version: integer('version'),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId)],
);

/** Each publication is a frozen copy; the public reads these, so earlier versions stay readable. */
export const publications = sqliteTable(
  'publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    /** Department name as published (kept if the department is renamed later). */
    departmentName: text('department_name').notNull(),
    departmentKind: text('department_kind').notNull(),
    year: integer('year').notNull(),
    content: text('content', { mode: 'json' }).$type<ReportContent>().notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
    publishedBy: integer('published_by').references(() => users.id),
    /** Set on corrections: the 更正说明 shown with the new version. */
    correctionNote: text('correction_note'),
    /** The publication this one replaces (for 更正). */
    supersedesId: integer('supersedes_id'),
    /** Current = the version the public sees for this report; null once superseded or withdrawn. */
    current: integer('current', { mode: 'boolean' }).notNull().default(true),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    /** 历史导入: the source this publication was read from (file name or address); null when filed on the portal. */
    importedFrom: text('imported_from'),
    /** SHA-256 of the original file (see import_sources), so the reader can check the source. */
    importedSha256: text('imported_sha256'),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }),
    importedBy: integer('imported_by').references(() => users.id),
    /** The date the body originally published the report on its website (ISO YYYY-MM-DD), when known. */
    originalPublishedAt: text('original_published_at'),
    /** The department's 说明 per warning key as published (frozen with the content; 口径变化 footnotes and 已说明 are read from here). */
    explanations: text('explanations', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    index('publications_year_idx').on(t.year, t.current),
    index('publications_report_idx').on(t.reportId),
  ],
);

/** Sign-offs (初审, 终审 …) on one version of a report. */
export const signoffs = sqliteTable(
  'signoffs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    step: integer('step').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('signoffs_version_user_uq').on(t.reportId, t.version, t.userId),
    uniqueIndex('signoffs_version_step_uq').on(t.reportId, t.version, t.step),
  ],
);

/** Reviewer comments attached to a section, a row or a single cell (target = checker target id). */
export const reviewComments = sqliteTable('review_comments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  reportId: integer('report_id')
    .notNull()
    .references(() => reports.id),
  version: integer('version').notNull(),
  target: text('target').notNull(),
  body: text('body').notNull(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  resolved: integer('resolved', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

/** Content of each submitted version, so a reviewer can diff a resubmission. */
export const reportVersions = sqliteTable(
  'report_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    content: text('content', { mode: 'json' }).$type<ReportContent>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('report_versions_uq').on(t.reportId, t.version)],
);

/**
 * 回执: one receipt per submission, return, sign-off and publication (append-only). It freezes what
 * was acted on: the version, the SHA-256 of that content as stored, the checker's rule-set version
 * and its result, so a department and the bureau can later prove what was filed.
 */
export const receipts = sqliteTable(
  'receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Printed receipt number, e.g. 2026-001-0003 (year - department id - sequence). */
    receiptNo: text('receipt_no').notNull(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    eventId: integer('event_id').references(() => reportEvents.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    year: integer('year').notNull(),
    /** submit | return | signoff | publish | correct | withdraw */
    act: text('act').notNull(),
    version: integer('version').notNull(),
    userId: integer('user_id').references(() => users.id),
    userName: text('user_name').notNull(),
    role: text('role').notNull(),
    contentSha256: text('content_sha256').notNull(),
    rulesetVersion: text('ruleset_version').notNull(),
    checkErrors: integer('check_errors').notNull(),
    checkWarnings: integer('check_warnings').notNull(),
    /** Codes of the checker's findings at that moment, e.g. ["R08", "R14"]. */
    checkCodes: text('check_codes', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Free text of the act (return comment, sign-off step, correction reason). */
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('receipts_no_uq').on(t.receiptNo), index('receipts_report_idx').on(t.reportId, t.id)],
);

/** Scan of the signed and sealed 报送稿, attached by the department to one submitted version. */
export const reportScans = sqliteTable(
  'report_scans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    /** application/pdf | image/jpeg | image/png, from the file's content, not its name. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Path under .data/ where the bytes are kept (named by the hash). */
    storagePath: text('storage_path').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_scans_report_idx').on(t.reportId, t.version)],
);

/** One department's extension of the internal deadline for one year (区内报送截止 延期). */
export const deadlineExtensions = sqliteTable(
  'deadline_extensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    /** ISO date (YYYY-MM-DD): the department may save and submit through the end of this day. */
    until: text('until').notNull(),
    reason: text('reason').notNull(),
    grantedBy: integer('granted_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('deadline_extensions_uq').on(t.year, t.departmentId)],
);

/** In-app notifications, one row per recipient, with its own read state. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** submitted | returned | approved | published | reminder | deadline | … */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Path inside the site the notification opens. */
    link: text('link'),
    reportId: integer('report_id').references(() => reports.id),
    /** When set, a recipient gets at most one notification with this key (e.g. deadline-2026-7). */
    dedupeKey: text('dedupe_key'),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt, t.id),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

/** The original file of each 历史导入, kept so a reader can download what the figures came from. */
export const importSources = sqliteTable(
  'import_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    /** The extracted text the figures were read from (shown beside them in the source view). */
    text: text('text').notNull(),
    /** Path under .data/ where the original bytes are kept (named by the hash). */
    storagePath: text('storage_path').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('import_sources_sha_uq').on(t.sha256)],
);

/** 错敏词 list. */
export const sensitiveWords = sqliteTable(
  'sensitive_words',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    word: text('word').notNull(),
    suggestion: text('suggestion').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sensitive_words_word_uq').on(t.word)],
);

/** In-app reminders from the bureau to departments. */
export const reminders = sqliteTable('reminders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  year: integer('year').notNull(),
  departmentId: integer('department_id')
    .notNull()
    .references(() => departments.id),
  message: text('message').notNull(),
  sentBy: integer('sent_by').references(() => users.id),
  /** When the department first opened it; an identical reminder is not sent again while unread. */
  readAt: integer('read_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

/** Security audit log: sign-ins, account changes, exports. Triggers refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id'),
    username: text('username'),
    role: text('role'),
    action: text('action').notNull(),
    target: text('target'),
    ip: text('ip'),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

/**
 * Server-side sign-in sessions. The signed cookie carries only `token_id`; every request checks
 * the row (not ended, not idle too long, not older than the absolute lifetime), so 退出, 退出所有设备
 * and 强制下线 end a session at once even though the cookie itself is still well-formed.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Random id carried in the session token (never shown in the UI). */
    tokenId: text('token_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Last request seen (updated at most about once a minute). */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endReason: text('end_reason', { enum: ['signout', 'signout_all', 'forced', 'idle', 'expired', 'password', 'disabled'] }),
  },
  (t) => [uniqueIndex('sessions_token_uq').on(t.tokenId), index('sessions_user_idx').on(t.userId, t.endedAt), index('sessions_open_idx').on(t.endedAt, t.lastSeenAt)],
);

/** Earlier password hashes of each account, so a new password cannot repeat one of the last five. */
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.id)],
);

/**
 * Failed sign-ins per username and per source address. `key` is an HMAC of the normalised username
 * or the address, so a password typed into the username field is never stored in clear; `user_id`
 * is set only when the username names an existing account (for the admin's 解锁).
 */
export const loginThrottle = sqliteTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    kind: text('kind', { enum: ['user', 'ip'] }).notNull(),
    userId: integer('user_id').references(() => users.id),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    /** Refusals while locked are audited at most once a minute per key. */
    refusalAuditedAt: integer('refusal_audited_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_throttle_user_idx').on(t.userId), index('login_throttle_updated_idx').on(t.updatedAt)],
);

export type Department = typeof departments.$inferSelect;
export type User = typeof users.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type ReportEvent = typeof reportEvents.$inferSelect;
export type Publication = typeof publications.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Receipt = typeof receipts.$inferSelect;
export type ReportScan = typeof reportScans.$inferSelect;
export type DeadlineExtension = typeof deadlineExtensions.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type ImportSource = typeof importSources.$inferSelect;
