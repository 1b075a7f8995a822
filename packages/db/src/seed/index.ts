import { eq } from 'drizzle-orm';
import { decide, seedReport2024, type ReportAction, type ReportContent, type ReportStatus, type Role } from '@ccgov/report';
import type { Db } from '../client';
import { hashPasswordSync } from '../password';
import { insertReceipt } from '../receipts';
import {
  departments,
  publications,
  reportEvents,
  reportingYears,
  reports,
  reportVersions,
  reviewComments,
  sensitiveWords,
  settings,
  signoffs,
  users,
} from '../schema';
import { demoContent, partialDraft } from './content';
import { initialCarry, yearFigures, type Carry } from './figures';
import { rngFor } from './random';
import { DEMO_UNITS, type DemoUnit } from './units';
import { DEMO_SENSITIVE_WORDS } from './words';
import { chinaDate, chinaTime, internalDeadline, legalDeadline, openYearFor } from './years';

export { DEMO_UNITS, subjectName, selfName, type DemoUnit, type OpenYearState } from './units';
export { openYearFor, legalDeadline, internalDeadline } from './years';
export { DEMO_SENSITIVE_WORDS } from './words';

/** The password of every demo account (printed on the sign-in page of a demo install). */
export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO_BUREAU_USERS = ['admin', 'reviewer', 'publisher'] as const;

/** Either the connection or a transaction on it: both write the same way. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const DEFAULT_SETTINGS = {
  district: '陈仓区',
  bureau: '陈仓区数据局',
  required_signoffs: '2',
} as const;

/** Settings key holding the shared hash of the demo password (see the 演示环境 banner). */
export const DEMO_PASSWORD_HASH_KEY = 'demo_password_hash';

export function insertSettings(tx: DbOrTx): void {
  tx.insert(settings)
    .values(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })))
    .run();
}

export type SeedDemoOptions = {
  /** Decides the open year and dates the open year's activity; default the current time. */
  now?: Date;
};

export type SeedDemoResult = {
  openYear: number;
  /** The two earlier years, published for every body. */
  closedYears: [number, number];
  usernames: string[];
};

/** Who acts in the replayed history; the receipts name them as the server would (display name, role). */
type Actor = { id: number; role: Role; displayName: string };

/**
 * Fill an empty database with the demo district: settings, bodies, accounts, three reporting
 * years (two published, the open one in every workflow state) and a starting 错敏词 list.
 * Deterministic for a given `now`. Runs in one transaction (a savepoint when given one).
 */
export function seedDemo(db: DbOrTx, { now = new Date() }: SeedDemoOptions = {}): SeedDemoResult {
  // One hash for every demo account: they share a published password, so separate salts would
  // protect nothing, and 50 bcrypt rounds would make every setup (and every test) slow.
  const passwordHash = hashPasswordSync(DEMO_PASSWORD);
  const openYear = openYearFor(now);
  const closedYears: [number, number] = [openYear - 2, openYear - 1];

  return (db as Db).transaction((tx) => {
    insertSettings(tx);
    // Marks the demo accounts: while an active account still has this (published) password, every
    // page shows the 演示环境 banner. Changing or resetting the password ends that.
    tx.insert(settings).values({ key: DEMO_PASSWORD_HASH_KEY, value: passwordHash }).run();

    for (const year of [...closedYears, openYear]) {
      tx.insert(reportingYears)
        .values({
          year,
          legalDeadline: legalDeadline(year),
          internalDeadline: internalDeadline(year),
          open: year === openYear,
          // The bureau opens a year in December; the open one may have been opened only just now.
          createdAt: new Date(Math.min(chinaTime(year, 12, 1).getTime(), daysBefore(now, 1).getTime())),
        })
        .run();
    }

    tx.insert(sensitiveWords).values(DEMO_SENSITIVE_WORDS.map((w) => ({ ...w }))).run();

    const bureauUser = (username: string, role: Role, displayName: string): Actor => {
      const row = tx
        .insert(users)
        .values({ username, displayName, passwordHash, role })
        .returning({ id: users.id, role: users.role, displayName: users.displayName })
        .get();
      return row;
    };
    bureauUser('admin', 'admin', '数据局管理员');
    const reviewer = bureauUser('reviewer', 'reviewer', '数据局审核人');
    const publisher = bureauUser('publisher', 'publisher', '数据局发布人');
    const usernames: string[] = [...DEMO_BUREAU_USERS];

    DEMO_UNITS.forEach((unit, i) => {
      const dept = tx
        .insert(departments)
        .values({ name: unit.name, kind: unit.kind, code: unit.code, sortOrder: i + 1 })
        .returning({ id: departments.id })
        .get();
      const clerk = tx
        .insert(users)
        .values({ username: unit.code, displayName: `${unit.name}填报人`, passwordHash, role: 'department', departmentId: dept.id })
        .returning({ id: users.id, role: users.role, displayName: users.displayName })
        .get();
      usernames.push(unit.code);
      const people: People = { clerk, reviewer, publisher };

      let carry = initialCarry(unit, closedYears[0]);
      for (const year of closedYears) {
        const { content, next } = closedYearContent(unit, year, carry);
        carry = next;
        seedPublished(tx, { unit, departmentId: dept.id, year, content, people });
      }
      seedOpenYear(tx, {
        unit,
        departmentId: dept.id,
        year: openYear,
        carry,
        people,
        now,
        // Every other draft is half done, the rest ready to submit.
        draftOrdinal: DEMO_UNITS.slice(0, i).filter((u) => u.openState === 'draft').length,
      });
    });

    return { openYear, closedYears, usernames };
  });
}

/** The published report of a closed year; the 数据局's 2024 report is the real one. */
function closedYearContent(unit: DemoUnit, year: number, carry: Carry): { content: ReportContent; next: Carry } {
  if (unit.code === 'sjj' && year === 2024) {
    const content = seedReport2024();
    return {
      content,
      next: {
        carriedOver: content.requests.carriedOver.map((c) => c ?? 0),
        normativeInForce: content.proactive.normativeDocs.inForce ?? 0,
      },
    };
  }
  const { figures, carry: next } = yearFigures(unit, year, carry);
  return { content: demoContent(unit, year, figures, contactFor(unit)), next };
}

/** The 数据局 keeps the contact of its real 2024 report in every year. */
function contactFor(unit: DemoUnit): ReportContent['contact'] | undefined {
  return unit.code === 'sjj' ? { ...seedReport2024().contact } : undefined;
}

type People = { clerk: Actor; reviewer: Actor; publisher: Actor };

type Act =
  | { action: 'submit' | 'signoff' | 'publish'; by: Actor; at: Date }
  | { action: 'return'; by: Actor; at: Date; comments: { target: string; body: string }[] };

/**
 * Replay a report's history the way the server writes it: every act passes the workflow's
 * decide(), bumps the lock version, and records its event and its 回执; a submission snapshots
 * the content.
 *
 * The receipts go through the server's own builder (insertReceipt, ../receipts.ts): the number
 * runs per body and year, the hash is of the stored snapshot, and the check is the real checker run
 * then, on what the database holds at that point of the seed: the body's name, its previous year's
 * report (seeded before this one), the demo 错敏词 list (seeded before any report). That is all the
 * server's receipt check reads, so nothing of it is guessed. It does not compare texts with other
 * bodies (雷同, R14) on the server either; a check that did could not be reproduced here, since the
 * seed writes the bodies one after another, not in the order their acts happened.
 */
function replay(
  tx: Tx,
  r: { unit: DemoUnit; departmentId: number; year: number; content: ReportContent; clerk: Actor; createdAt: Date; edits: number; acts: Act[] },
): { reportId: number; status: ReportStatus } {
  const reportId = tx
    .insert(reports)
    .values({ departmentId: r.departmentId, year: r.year, status: 'draft', content: r.content, createdAt: r.createdAt, updatedAt: r.createdAt })
    .returning({ id: reports.id })
    .get().id;
  tx.insert(reportEvents)
    .values({ reportId, userId: r.clerk.id, role: r.clerk.role, action: 'create', toStatus: 'draft', version: 1, createdAt: r.createdAt })
    .run();

  let status: ReportStatus = 'draft';
  let version = 1 + r.edits; // each saved draft bumped the version
  let submitted: number | null = null;
  let submittedAt: Date | null = null;
  let updatedAt = r.createdAt;
  let stepSignoffs: { userId: number; step: number }[] = [];

  for (const act of r.acts) {
    const comment = act.action === 'return' ? act.comments.map((c) => c.body).join('；') : null;
    const decision = decide({
      action: act.action as ReportAction,
      status,
      actorRole: act.by.role,
      actorUserId: act.by.id,
      signoffs: stepSignoffs,
      requiredSignoffs: Number(DEFAULT_SETTINGS.required_signoffs),
      comment,
    });
    if (!decision.ok) throw new Error(`demo seed: ${r.unit.code} ${r.year} ${act.action}: ${decision.message}`);
    const next = version + 1;
    if (act.action === 'submit') {
      tx.insert(reportVersions).values({ reportId, version: next, content: r.content, createdAt: act.at }).run();
      submitted = next;
      submittedAt = act.at;
      stepSignoffs = [];
    }
    if (decision.signoffStep != null) {
      tx.insert(signoffs)
        .values({ reportId, version: submitted!, userId: act.by.id, role: act.by.role, step: decision.signoffStep, createdAt: act.at })
        .run();
      stepSignoffs.push({ userId: act.by.id, step: decision.signoffStep });
    }
    if (act.action === 'return') {
      for (const c of act.comments) {
        tx.insert(reviewComments)
          .values({ reportId, version: submitted!, target: c.target, body: c.body, userId: act.by.id, createdAt: act.at })
          .run();
      }
    }
    const eventId = tx
      .insert(reportEvents)
      .values({
        reportId,
        userId: act.by.id,
        role: act.by.role,
        action: act.action,
        fromStatus: status,
        toStatus: decision.to,
        version,
        comment,
        createdAt: act.at,
      })
      .returning({ id: reportEvents.id })
      .get().id;
    insertReceipt(tx, {
      report: { id: reportId, departmentId: r.departmentId, year: r.year, version: next, content: r.content },
      actor: act.by,
      action: act.action,
      eventId,
      comment,
      signoffLabel: decision.signoffLabel,
      at: act.at,
    });
    status = decision.to;
    version = next;
    updatedAt = act.at;
  }

  tx.update(reports).set({ status, version, submittedAt, updatedAt }).where(eq(reports.id, reportId)).run();
  return { reportId, status };
}

function seedPublished(
  tx: Tx,
  r: { unit: DemoUnit; departmentId: number; year: number; content: ReportContent; people: People },
): void {
  const rng = rngFor(`${r.unit.code}:${r.year}:dates`);
  const y = r.year + 1;
  const submitDay = rng.int(8, 18);
  const at = (day: number, hour: number) => chinaTime(y, 1, Math.min(day, 30), hour, rng.int(0, 59));
  const publishedAt = at(submitDay + 4 + rng.int(0, 6), 16);
  const { reportId } = replay(tx, {
    ...r,
    clerk: r.people.clerk,
    createdAt: chinaTime(y, 1, rng.int(2, 6), 9, rng.int(0, 59)),
    edits: rng.int(2, 6),
    acts: [
      { action: 'submit', by: r.people.clerk, at: at(submitDay, 10) },
      { action: 'signoff', by: r.people.reviewer, at: at(submitDay + 1, 15) },
      { action: 'signoff', by: r.people.publisher, at: at(submitDay + 3, 11) },
      { action: 'publish', by: r.people.publisher, at: publishedAt },
    ],
  });
  tx.insert(publications)
    .values({
      reportId,
      departmentId: r.departmentId,
      departmentName: r.unit.name,
      departmentKind: r.unit.kind,
      year: r.year,
      content: r.content,
      publishedAt,
      publishedBy: r.people.publisher.id,
      current: true,
    })
    .run();
}

/** Why the bureau sent a report back, per body; the first points at a cell, as reviewers do. */
const RETURN_COMMENTS: Record<string, { target: string; body: string }[]> = {
  kjj: [{ target: 'requests.newReceived.natural', body: '“本年新收政府信息公开申请数量”自然人一栏与正文（二）依申请公开所述件数不一致，请核实后修改。' }],
  nyj: [{ target: 'text.problems', body: '存在的主要问题及改进情况较为笼统，请结合本单位本年度实际写明具体问题和改进措施。' }],
  scjgj: [
    { target: 'proactive.punishment.decisions', body: '行政处罚决定数量请与“双公示”平台公开数据核对一致。' },
    { target: 'text.overview.active', body: '主动公开部分请补充食品安全抽检信息公开情况。' },
  ],
  qhz: [{ target: 'contact.phone', body: '联系电话请填写办公固定电话，不要填写个人手机号码。' }],
  xgz: [{ target: 'text.overview.platform', body: '请补充各村公示栏更新和村务公开情况。' }],
};

function seedOpenYear(
  tx: Tx,
  r: { unit: DemoUnit; departmentId: number; year: number; carry: Carry; people: People; now: Date; draftOrdinal: number },
): void {
  const state = r.unit.openState;
  if (state === 'not_started') return;
  const { figures } = yearFigures(r.unit, r.year, r.carry);
  let content = demoContent(r.unit, r.year, figures, contactFor(r.unit));
  if (state === 'draft' && r.draftOrdinal % 2 === 0) content = partialDraft(content);
  if (state === 'returned' && r.unit.code === 'kjj') {
    // The slip the reviewer caught: one more request in the table than the text says.
    content.requests.newReceived[0] = (content.requests.newReceived[0] ?? 0) + 1;
    content.requests.granted[0] = (content.requests.granted[0] ?? 0) + 1;
  }

  const rng = rngFor(`${r.unit.code}:${r.year}:dates`);
  // On the China calendar day `days` before now (always at least one day back, so never in the future).
  const ago = (days: number, hour: number) => {
    const d = chinaDate(daysBefore(r.now, days));
    return chinaTime(d.year, d.month, d.day, hour, rng.int(0, 59));
  };
  const submitAgo = rng.int(6, 14);
  const { clerk, reviewer, publisher } = r.people;
  const acts: Act[] = [];
  if (state !== 'draft') acts.push({ action: 'submit', by: clerk, at: ago(submitAgo, 10) });
  if (state === 'in_review' || state === 'approved') acts.push({ action: 'signoff', by: reviewer, at: ago(submitAgo - 2, 15) });
  if (state === 'approved') acts.push({ action: 'signoff', by: publisher, at: ago(submitAgo - 4, 11) });
  if (state === 'returned') {
    const comments = RETURN_COMMENTS[r.unit.code] ?? [{ target: 'text.problems', body: '请结合本年度实际情况修改后重新提交。' }];
    acts.push({ action: 'return', by: reviewer, at: ago(submitAgo - 3, 16), comments });
  }
  replay(tx, {
    unit: r.unit,
    departmentId: r.departmentId,
    year: r.year,
    content,
    clerk,
    createdAt: ago(submitAgo + rng.int(5, 20), 9),
    edits: rng.int(1, 8),
    acts,
  });
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
