import {
  REQUEST_COLUMN_COUNT,
  REQUEST_INPUT_ROWS,
  RESULT_ROW_KEYS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  type ReportContent,
  type ReviewBlockKey,
  type ReviewResultKey,
} from '@ccgov/report';
import { apportion, rngFor, type Rng } from './random';
import type { DemoUnit } from './units';

/** The numeric part of a report: tables 二, 三 and 四. */
export type Figures = Pick<ReportContent, 'proactive' | 'requests' | 'reviews'>;

/** What one year hands to the next: the carried-over requests and the documents still in force. */
export type Carry = { carriedOver: number[]; normativeInForce: number };

type ResultRowKey = (typeof RESULT_ROW_KEYS)[number];

/** Share of each applicant type among requests: 自然人 … 其他. */
const COLUMN_WEIGHTS = [75, 12, 1, 1, 8, 3];

/** How requests usually end, roughly as district reports show it. */
const RESULT_WEIGHTS: Record<ResultRowKey, number> = {
  granted: 44,
  partial: 8,
  withheld1: 0,
  withheld2: 0.5,
  withheld3: 0.5,
  withheld4: 3,
  withheld5: 1.5,
  withheld6: 2,
  withheld7: 1,
  withheld8: 2,
  unable1: 22,
  unable2: 3,
  unable3: 1.5,
  notProcessed1: 4,
  notProcessed2: 2.5,
  notProcessed3: 1,
  notProcessed4: 0.3,
  notProcessed5: 1,
  otherHandling1: 1.5,
  otherHandling2: 0,
  otherHandling3: 1,
};

const REVIEW_RESULT_WEIGHTS: Record<ReviewResultKey, number> = { upheld: 60, corrected: 10, otherResult: 15, pending: 15 };

/** A body's usual yearly number of new requests; fixed per body so years stay comparable. */
function baseRequests(unit: DemoUnit): number {
  const rng = rngFor(`${unit.code}:base`);
  switch (unit.scale) {
    case 'large':
      return rng.int(18, 45);
    case 'medium':
      return rng.int(3, 7);
    case 'small':
      return rng.int(0, 2);
    case 'town':
      return rng.int(0, 2);
  }
}

function newRequestTotal(unit: DemoUnit, rng: Rng): number {
  const base = baseRequests(unit);
  if (base === 0) return rng.chance(0.15) ? 1 : 0;
  // ±25% year to year: enough to look real, far from the ×10 swing the checker flags.
  return Math.max(1, Math.round(base * (0.8 + rng.next() * 0.45)));
}

/** Requests still open at the end of the year before the first seeded year. */
export function initialCarry(unit: DemoUnit, firstYear: number): Carry {
  const rng = rngFor(`${unit.code}:${firstYear - 1}:carry`);
  const carriedOver = Array.from({ length: REQUEST_COLUMN_COUNT }, () => 0);
  if (unit.scale === 'large') carriedOver[0] = rng.int(0, 2);
  const normativeInForce =
    unit.code === 'zfb' ? rng.int(28, 45) : unit.kind === 'town' ? 0 : unit.scale === 'small' ? rng.int(0, 4) : rng.int(3, 12);
  return { carriedOver, normativeInForce };
}

function carriedOverFor(unit: DemoUnit, column: number, available: number, rng: Rng): number {
  if (available === 0) return 0;
  if (unit.scale === 'large') {
    if (column === 0 && available > 4) return rng.int(0, 2);
    if (column === 1 && available > 2 && rng.chance(0.3)) return 1;
    return 0;
  }
  if (unit.scale === 'medium' && column === 0 && available > 3 && rng.chance(0.3)) return 1;
  return 0;
}

function range(rng: Rng, r: [number, number] | undefined): number {
  return r ? rng.int(r[0], r[1]) : 0;
}

function proactiveFigures(unit: DemoUnit, prev: Carry, rng: Rng): ReportContent['proactive'] {
  let issued = 0;
  let repealed = 0;
  if (unit.code === 'zfb') {
    issued = rng.int(3, 8);
    repealed = rng.int(0, 4);
  } else if (unit.kind === 'department') {
    issued = unit.scale === 'small' ? (rng.chance(0.3) ? 1 : 0) : rng.int(0, 2);
    repealed = rng.chance(0.3) ? 1 : 0;
  }
  repealed = Math.min(repealed, prev.normativeInForce);
  const fee = unit.fees ? rng.int(unit.fees[0] * 10000, unit.fees[1] * 10000) / 10000 : 0;
  return {
    rules: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued, repealed, inForce: prev.normativeInForce + issued - repealed },
    licensing: { decisions: range(rng, unit.licensing) },
    punishment: { decisions: range(rng, unit.punishment) },
    enforcement: { decisions: range(rng, unit.enforcement) },
    fees: { amount: fee },
  };
}

function reviewFigures(unit: DemoUnit, rng: Rng): ReportContent['reviews'] {
  const weights = REVIEW_RESULTS.map((r) => REVIEW_RESULT_WEIGHTS[r.key]);
  const counts: Record<ReviewBlockKey, number> =
    unit.scale === 'large'
      ? { review: rng.chance(0.6) ? rng.int(1, 3) : 0, suitDirect: rng.chance(0.25) ? 1 : 0, suitAfterReview: rng.chance(0.15) ? 1 : 0 }
      : unit.scale === 'medium'
        ? { review: rng.chance(0.2) ? 1 : 0, suitDirect: 0, suitAfterReview: 0 }
        : { review: 0, suitDirect: 0, suitAfterReview: 0 };
  return Object.fromEntries(
    REVIEW_BLOCKS.map((b) => {
      const parts = apportion(counts[b.key], weights, rng);
      return [b.key, Object.fromEntries(REVIEW_RESULTS.map((r, i) => [r.key, parts[i]!]))];
    }),
  ) as ReportContent['reviews'];
}

/** Deterministic figures for one body and year; consistent with the carry from the year before. */
export function yearFigures(unit: DemoUnit, year: number, prev: Carry): { figures: Figures; carry: Carry } {
  const rng = rngFor(`${unit.code}:${year}`);
  const newReceived = apportion(newRequestTotal(unit, rng), COLUMN_WEIGHTS, rng);
  const carriedIn = [...prev.carriedOver];
  const rows = Object.fromEntries(REQUEST_INPUT_ROWS.map((r) => [r.key, Array(REQUEST_COLUMN_COUNT).fill(0)])) as Record<
    (typeof REQUEST_INPUT_ROWS)[number]['key'],
    number[]
  >;
  rows.newReceived = newReceived;
  rows.carriedIn = carriedIn;
  const resultWeights = RESULT_ROW_KEYS.map((k) => RESULT_WEIGHTS[k]);
  for (let c = 0; c < REQUEST_COLUMN_COUNT; c++) {
    const available = newReceived[c]! + carriedIn[c]!;
    const carriedOver = carriedOverFor(unit, c, available, rng);
    rows.carriedOver[c] = carriedOver;
    // 一 + 二 = 三（七）总计 + 四: what is not carried over was handled this year.
    apportion(available - carriedOver, resultWeights, rng).forEach((n, i) => {
      rows[RESULT_ROW_KEYS[i]!][c] = n;
    });
  }
  const proactive = proactiveFigures(unit, prev, rng);
  return {
    figures: { proactive, requests: rows, reviews: reviewFigures(unit, rng) },
    carry: { carriedOver: [...rows.carriedOver], normativeInForce: proactive.normativeDocs.inForce ?? 0 },
  };
}
