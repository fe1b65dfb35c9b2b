// Semester sample of personnel documentation (DOMAIN.md §6, S1–S4): population freezing, size,
// the publicly verifiable draw and the due dates. Pure: the caller passes rows, seed and "today".
//
// Simple draw (S3, the default), exactly as the rulebook fixes it:
//   person id   = tax code trimmed and upper-cased;
//   population  = distinct person ids sorted by Unicode code point; its hash is SHA-256 (hex) of
//                 the ids joined by "\n" (UTF-8, no trailing newline);
//   key(person) = SHA-256 hex of "seed|agreement|programme|semester|personId";
//   sample      = the n persons with the smallest keys (hex compared as strings), in that order.
//
// Monetary-unit draw ("mus", probability proportional to reported cost), documented here so that
// anyone can re-derive it with SHA-256 and integer arithmetic (no floating point, no RNG):
//   1. every person of the frozen population weighs its reported cost in the programme-semester,
//      in whole cents (integers); persons are listed in the population's code-point order;
//   2. for draw k = 1, 2, … n:
//        u_k    = the SHA-256 of "seed|agreement|programme|semester|mus|k" read as a 256-bit
//                 unsigned integer (big-endian hex);
//        T      = total cents of the persons not drawn yet; stop early when T = 0;
//        target = u_k mod T;
//        walk the persons not drawn yet in population order adding their cents; the k-th person
//        drawn is the first whose running total exceeds target;
//   3. the sample is the persons in draw order.
//   This is successive PPS sampling without replacement: a person with 0 cost is never drawn, a
//   person's chance at each draw is its share of the remaining cents, and draw k depends only on
//   draws 1…k−1, so extending a sample (larger n, same seed) keeps the first draw as a prefix.
//   The bias of "mod T" is below 2^-190 for any realistic total and is ignored.
import type { Agreement } from '../agreement/agreement';
import type { IsoDate, IsoMonth } from '../core/dates';
import { addDays } from '../core/dates';
import { Money, ZERO, formatAmount, formatAmountIt, parseQuantity } from '../core/money';
import { renderIt } from '../findings/messages.it';
import { formatQuantityIt } from '../rules/format';
import { sha256Hex } from '../core/sha256';

export type SemesterId = string; // "2026-H1" | "2026-H2"
export type SamplingMethod = 'simple' | 'mus';

/** The seed rule itself (seed 001: "fino al 10% del personale"), not a configurable default. */
export const MAX_SAMPLING_RATE = new Money('0.10');

/** A personnel row as the sample needs it (a projection of the normalised PERS row). */
export interface PersonnelRowForSample {
  rowId: string;
  programme: string;
  taxCode: string;
  /** Month of the cost ("2026-03") or a date in it. */
  month: IsoMonth | IsoDate;
  /** Reported amount of the row (municipal + co-financing), used only by the "mus" method. */
  amount?: Money;
}

/** S1: the frozen population of a programme-semester, stored with the sample. */
export interface FrozenPopulation {
  agreement: string;
  programme: string;
  semester: SemesterId;
  /** Distinct person ids in code-point order. */
  persons: string[];
  hash: string;
  /** Reported cost per person as a string with 2 decimals (weights of the "mus" method). */
  costs: Record<string, string>;
  /** The rows behind each person, so outcomes can be traced back to rows (S5 → C6). */
  rowIds: Record<string, string[]>;
}

export interface SelectedPerson {
  personId: string;
  /** 1-based position in the draw order. */
  rank: number;
  /** simple: the person's key; mus: the hash of the draw that picked the person. */
  key: string;
}

export type SampleDraw =
  | {
      ok: true;
      method: SamplingMethod;
      rate: string;
      populationHash: string;
      population: number;
      n: number;
      selected: SelectedPerson[];
    }
  | { ok: false; error: string };

export type SamplingResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Person id of S3: the tax code trimmed and upper-cased. */
export function normalisePersonId(taxCode: string): string {
  return taxCode.trim().toUpperCase();
}

/** Unicode code-point order (JS `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const dx = x.value.codePointAt(0) as number;
    const dy = y.value.codePointAt(0) as number;
    if (dx !== dy) return dx - dy;
  }
}

/** Distinct, normalised, code-point-sorted person ids; blank lines are dropped. */
export function distinctPersonIds(ids: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const id of ids) {
    const person = normalisePersonId(id);
    if (person !== '') set.add(person);
  }
  return [...set].sort(compareCodePoints);
}

/** S3 population hash: SHA-256 hex of the sorted distinct ids joined by "\n". */
export function populationHash(ids: Iterable<string>): string {
  return sha256Hex(distinctPersonIds(ids).join('\n'));
}

export function parseSemester(id: string): { year: number; half: 1 | 2 } | null {
  const m = /^(\d{4})-H([12])$/.exec(id.trim());
  return m ? { year: Number(m[1]), half: m[2] === '1' ? 1 : 2 } : null;
}

export function semesterOf(monthOrDate: IsoMonth | IsoDate): SemesterId {
  const [year, month] = monthOrDate.split('-').map(Number);
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

/** S1: freezes the population of one programme-semester from PERS rows. */
export function freezePopulation(
  agreement: string,
  programme: string,
  semester: SemesterId,
  rows: readonly PersonnelRowForSample[],
): SamplingResult<FrozenPopulation> {
  if (!parseSemester(semester)) return { ok: false, error: SEMESTER_ERROR };
  const costs = new Map<string, Money>();
  const rowIds = new Map<string, string[]>();
  for (const row of rows) {
    if (row.programme !== programme || semesterOf(row.month) !== semester) continue;
    const person = normalisePersonId(row.taxCode);
    if (person === '') continue;
    costs.set(person, (costs.get(person) ?? ZERO).plus(row.amount ?? ZERO));
    rowIds.set(person, [...(rowIds.get(person) ?? []), row.rowId]);
  }
  const persons = [...costs.keys()].sort(compareCodePoints);
  return {
    ok: true,
    value: {
      agreement,
      programme,
      semester,
      persons,
      hash: sha256Hex(persons.join('\n')),
      costs: Object.fromEntries(persons.map((p) => [p, formatAmount(costs.get(p) as Money)])),
      rowIds: Object.fromEntries(persons.map((p) => [p, rowIds.get(p) as string[]])),
    },
  };
}

/** S2: n = ceil(rate × N), rate in (0, 10%]; N ≥ 1 ⇒ n ≥ 1. */
export function sampleSize(rate: string | Money, populationSize: number): SamplingResult<number> {
  const parsed =
    typeof rate === 'string' ? parseQuantity(rate.replace('%', ''), 10) : { ok: true as const, value: rate };
  if (!parsed.ok) return { ok: false, error: renderIt('S2.rateInvalid', { massimo: MAX_SAMPLING_RATE.toFixed(2) }) };
  const value = typeof rate === 'string' && rate.includes('%') ? parsed.value.div(100) : parsed.value;
  if (value.lte(0)) return { ok: false, error: renderIt('S2.rateNotPositive', {}) };
  if (value.gt(MAX_SAMPLING_RATE)) {
    return {
      ok: false,
      error: renderIt('S2.rateAboveMax', {
        tasso: `${formatAmountIt(value.times(100))}%`,
        massimo: `${formatQuantityIt(MAX_SAMPLING_RATE.times(100))}%`,
      }),
    };
  }
  if (!Number.isInteger(populationSize) || populationSize < 0) {
    return { ok: false, error: renderIt('S2.populationSize', {}) };
  }
  const n = value.times(populationSize).toDecimalPlaces(0, Money.ROUND_CEIL).toNumber();
  return { ok: true, value: populationSize >= 1 ? Math.max(1, n) : 0 };
}

/** S3 key of one person. */
export function drawKey(
  seed: string,
  agreement: string,
  programme: string,
  semester: SemesterId,
  personId: string,
): string {
  return sha256Hex(`${seed}|${agreement}|${programme}|${semester}|${personId}`);
}

export interface DrawParams {
  seed: string;
  agreement: string;
  programme: string;
  semester: SemesterId;
  /** Person ids (normalised and de-duplicated here). */
  persons: readonly string[];
  n: number;
}

/** S3 simple draw: the n smallest keys, in key order. */
export function drawSimple(p: DrawParams): SelectedPerson[] {
  return distinctPersonIds(p.persons)
    .map((personId) => ({ personId, key: drawKey(p.seed, p.agreement, p.programme, p.semester, personId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, Math.max(0, p.n))
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

/** S3 monetary-unit draw (algorithm in the file header). `costs`: person id → amount. */
export function drawMus(p: DrawParams & { costs: Readonly<Record<string, string | Money>> }): SelectedPerson[] {
  const costs = new Map<string, Money>();
  for (const [id, cost] of Object.entries(p.costs)) {
    const person = normalisePersonId(id);
    costs.set(person, (costs.get(person) ?? ZERO).plus(new Money(cost)));
  }
  const remaining = distinctPersonIds(p.persons).map((personId) => ({
    personId,
    cents: BigInt(
      Money.max(ZERO, costs.get(personId) ?? ZERO)
        .times(100)
        .toDecimalPlaces(0, Money.ROUND_HALF_UP)
        .toFixed(0),
    ),
  }));
  const selected: SelectedPerson[] = [];
  for (let k = 1; k <= p.n; k++) {
    const total = remaining.reduce((t, r) => t + r.cents, 0n);
    if (total === 0n) break;
    const key = sha256Hex(`${p.seed}|${p.agreement}|${p.programme}|${p.semester}|mus|${k}`);
    const target = BigInt(`0x${key}`) % total;
    let running = 0n;
    const index = remaining.findIndex((r) => (running += r.cents) > target);
    selected.push({ personId: remaining[index].personId, rank: k, key });
    remaining.splice(index, 1);
  }
  return selected;
}

export interface SampleRequest {
  seed: string;
  agreement: string;
  programme: string;
  semester: SemesterId;
  persons: readonly string[];
  /** Required for "mus": reported cost per person. */
  costs?: Readonly<Record<string, string | Money>>;
  method?: SamplingMethod;
  /** Default 0.10; above 0.10 is refused. */
  rate?: string;
}

/** S2 + S3 together: what the draw route, the timer and `sample-verify` call. */
export function drawSample(req: SampleRequest): SampleDraw {
  const method = req.method ?? 'simple';
  const rate = req.rate ?? '0.10';
  if (!parseSemester(req.semester)) return { ok: false, error: SEMESTER_ERROR };
  if (req.seed.trim() === '') return { ok: false, error: renderIt('S3.seed', {}) };
  if (method !== 'simple' && method !== 'mus') return { ok: false, error: renderIt('S3.method', {}) };
  const persons = distinctPersonIds(req.persons);
  const size = sampleSize(rate, persons.length);
  if (!size.ok) return size;
  if (method === 'mus' && !req.costs) {
    return { ok: false, error: renderIt('S3.musCosts', {}) };
  }
  const params = { ...req, persons, n: size.value };
  const selected = method === 'mus' ? drawMus({ ...params, costs: req.costs ?? {} }) : drawSimple(params);
  return {
    ok: true,
    method,
    rate,
    populationHash: sha256Hex(persons.join('\n')),
    population: persons.length,
    n: size.value,
    selected,
  };
}

// ---- S4: when a semester is due, request deadlines ------------------------------------------

/**
 * The day the last window covering the semester locks (Rome calendar): with the default windows
 * H1 → 30 Sep of the year, H2 → 31 Jan of the next year. A window covers the semester when its
 * expense dates overlap the semester's months.
 */
export function semesterLockDate(agreement: Pick<Agreement, 'windows'>, semester: SemesterId): IsoDate | null {
  const s = parseSemester(semester);
  if (!s) return null;
  const [first, last] = s.half === 1 ? ['01-01', '06-30'] : ['07-01', '12-31'];
  const locks = agreement.windows
    .filter((w) => w.from <= last && w.to >= first)
    .map((w) => `${s.year + (w.lockNextYear ? 1 : 0)}-${w.lock}`)
    .sort();
  return locks.length ? locks[locks.length - 1] : null;
}

/** A semester is due for the draw the day after its lock date (Rome calendar day `today`). */
export function isSemesterDue(agreement: Pick<Agreement, 'windows'>, semester: SemesterId, today: IsoDate): boolean {
  const lock = semesterLockDate(agreement, semester);
  return lock !== null && today > lock;
}

/** Every semester of the agreement years that is due on `today` (the timer draws those not drawn yet). */
export function dueSemesters(agreement: Pick<Agreement, 'windows' | 'years'>, today: IsoDate): SemesterId[] {
  return agreement.years.flatMap((y) => [`${y}-H1`, `${y}-H2`]).filter((s) => isSemesterDue(agreement, s, today));
}

/** S4: deadline of the document request = draw date + rules.sampling.requestDays. */
export function requestDeadline(agreement: Pick<Agreement, 'rules'>, drawDate: IsoDate): IsoDate {
  return addDays(drawDate, agreement.rules.sampling.requestDays);
}

const SEMESTER_ERROR = renderIt('S1.semester', {});
