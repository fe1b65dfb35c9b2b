// Reconciliation per programme and agreement year (DOMAIN.md §9, C1–C6), with its calculation
// trail. Pure: the caller passes budgets, reported totals and exclusions (see
// reconciliation-input.ts to build them from rows, findings and PO decisions).
//
//   C1  P = B + F;  A = A_c + A_f                                   (exact sums)
//   C2  D1 = B × min(1, A / P)                                      (half-up to the cent)
//   C3  D2 = min(D1, A_c)
//   C4  reduce: D_ATS = min(Σ D2, Σ A_f / minRate), apportioned to programmes by D2 share with
//       the largest-remainder method on cents, so the parts add back up to D_ATS exactly;
//       flag:   D = D2 and R20 is reported
//   C5  T1 = 60% B, T2 = 30% B (or what was actually paid), T3 = D − T1 − T2; a negative T3 is
//       an amount to recover (balance 0)
//   C6  every figure carries { step, figure, formula, inputs, result }; exclusions carry rows and
//       findings.
// Rounding half-up to the cent happens only at C2–C5, as the rulebook says.
// R20 is judged on the co-financing share A_f / D2 (co-financing vs the contribution before the
// C4 duty): per programme only a warning; for the ATS a warning during the year, an error at year
// close.
// A programme without an approved budget line (no version for the year yet, or none for it) has
// B = F = 0, so everything it is due is 0.00; the C1 trail and a C1 finding say why, so a PO does
// not read the zeros as a cut.
import type { Agreement } from '../agreement/agreement';
import { latestBudget } from '../agreement/agreement';
import type { IsoDate } from '../core/dates';
import { yearElapsed } from '../agreement/windows';
import type { Finding, RuleCode } from '../findings/findings';
import { renderIt } from '../findings/messages.it';
import { reportFinding } from '../rules/emit';
import { formatQuantityIt } from '../rules/format';
import { Money, ZERO, formatAmount, roundCents, sum } from '../core/money';

export type ReconciliationPolicy = 'reduce' | 'flag';
export type ReconciliationPhase = 'during' | 'yearClose';
export type TrailStepCode = 'C1' | 'C2' | 'C3' | 'C4' | 'C5';

/**
 * Why an amount does not count: the rule whose error excludes the rows (R14, R24, R25, any error),
 * the R21 excess of general costs, or the PO's S5 (sample outcome) and S6 (row review) decisions.
 */
export type ExclusionReason = RuleCode;

/** Why an amount does not count: a rule code (R14, R21, R24, R25, …) or S5/S6 decisions. */
export interface Exclusion {
  reason: ExclusionReason;
  rowIds: string[];
  municipal: Money;
  cofinancing: Money;
  /** Italian explanation for the PO (never a tax code or a name). */
  note?: string;
  /** The findings behind the exclusion (code + row), for C6. */
  findings?: { code: RuleCode; rowId?: string; message: string }[];
}

export interface ProgrammeReconciliationInput {
  programme: string;
  /** B and F; default: the latest approved budget line of the year. */
  budget?: { municipal: Money; cofinancing: Money };
  reported: { municipal: Money; cofinancing: Money };
  exclusions: Exclusion[];
  /** Advances actually paid; default T1 = 60% B and T2 = 30% B. */
  paid?: { first?: Money; second?: Money };
}

export interface ReconciliationInput {
  agreement: Agreement;
  year: number;
  asOf: IsoDate;
  /** Default: agreement.rules.cofinancing.policy. */
  policy?: ReconciliationPolicy;
  /** Default: yearClose once every window of the year is locked on asOf, else during. */
  phase?: ReconciliationPhase;
  /** Every programme of the ATS (C4 works on the ATS total). */
  programmes: ProgrammeReconciliationInput[];
  /** Only these programmes in the answer (the totals still use every programme). */
  only?: string[];
  /** During the year, add the year-end projection to each programme (default true). */
  project?: boolean;
}

export interface TrailStep {
  step: TrailStepCode;
  /** The figure of the answer this step computes ("contribution.due"). */
  figure: string;
  formula: string;
  inputs: Record<string, string>;
  result: string;
}

export interface ExcludedAnswer {
  reason: string;
  amount: string;
  municipal: string;
  cofinancing: string;
  rowIds: string[];
  note?: string;
  findings?: { code: string; rowId?: string; message: string }[];
}

export interface ProgrammeReconciliation {
  programme: string;
  budget: { municipal: string; cofinancing: string; planned: string };
  reported: { municipal: string; cofinancing: string };
  excluded: ExcludedAnswer[];
  admitted: { municipal: string; cofinancing: string; total: string };
  contribution: { proportional: string; cappedByAdmitted: string; due: string };
  cofinancingShare: string;
  tranches: { first: string; second: string; balance: string };
  /** Closed year: T1 + T2 − D when positive. During the year always 0.00 (see projection). */
  toRecover: string;
  trail: TrailStep[];
  /** During the year only (phase 'during'): the year end if spending goes on at the pace to date. */
  projection?: ProgrammeProjection | null;
}

/**
 * Mid-year estimate: reported and excluded amounts to date extrapolated linearly to 31 December
 * (× days of the year / days elapsed, half-up to the cent), then C1–C5 as at year close. An
 * estimate, labelled as such: never an amount due or to recover.
 */
export interface ProgrammeProjection {
  basis: 'linear';
  /** Share of the year elapsed on asOf, percent with 2 decimals. */
  yearElapsed: string;
  admitted: { municipal: string; cofinancing: string; total: string };
  contributionDue: string;
  cofinancingShare: string;
  balance: string;
  toRecover: string;
}

export interface Reconciliation {
  agreement: string;
  year: number;
  asOf: IsoDate;
  policy: ReconciliationPolicy;
  phase: ReconciliationPhase;
  programmes: ProgrammeReconciliation[];
  ats: {
    due: string;
    cofinancing: string;
    cofinancingShare: string;
    r20: 'ok' | 'warning' | 'error';
    trail: TrailStep[];
  };
  /** R20 findings (ATS and per programme) and C1 "no approved budget" notes, in the CLI/API finding shape. */
  findings: Finding[];
}

const pct = (value: Money) => value.times(100).toFixed(2);
/** A configured rate as a formula shows it, Italian format: 0.10 → "10%", 0.075 → "7,5%". */
const rateIt = (rate: Money) => `${formatQuantityIt(rate.times(100))}%`;
const money = formatAmount;

/** Reconciles every programme of the year; never throws on figures (a zero plan gives zeros). */
export function reconcile(input: ReconciliationInput): Reconciliation {
  const { agreement, year } = input;
  const policy = input.policy ?? agreement.rules.cofinancing.policy;
  const phase = input.phase ?? phaseOf(agreement, year, input.asOf);
  const minRate = new Money(agreement.rules.cofinancing.minRate);
  const budget = latestBudget(agreement, year);

  // C1–C3 per programme.
  const stage = input.programmes.map((p) => {
    const line = budget?.lines.find((l) => l.programme === p.programme);
    const B = p.budget?.municipal ?? new Money(line?.municipal ?? 0);
    const F = p.budget?.cofinancing ?? new Money(line?.cofinancing ?? 0);
    const missing = p.budget || line ? undefined : missingBudget(p.programme, year, budget?.version);
    const excludedMunicipal = sum(p.exclusions.map((e) => e.municipal));
    const excludedCofinancing = sum(p.exclusions.map((e) => e.cofinancing));
    const Ac = Money.max(ZERO, p.reported.municipal.minus(excludedMunicipal));
    const Af = Money.max(ZERO, p.reported.cofinancing.minus(excludedCofinancing));
    const P = B.plus(F);
    const A = Ac.plus(Af);
    const D1 = P.isZero() || A.gte(P) ? roundCents(P.isZero() ? ZERO : B) : roundCents(B.times(A).div(P));
    const D2 = Money.min(D1, roundCents(Ac));
    const trail: TrailStep[] = [
      step(
        'C1',
        'budget.planned',
        missing ? `P = B + F (${missing.message})` : 'P = B + F',
        { B: money(B), F: money(F) },
        money(P),
      ),
      step(
        'C1',
        'admitted.municipal',
        'A_c = quota Comune rendicontata − quota Comune esclusa',
        { rendicontato: money(p.reported.municipal), escluso: money(excludedMunicipal) },
        money(Ac),
      ),
      step(
        'C1',
        'admitted.cofinancing',
        'A_f = cofinanziamento rendicontato − cofinanziamento escluso',
        { rendicontato: money(p.reported.cofinancing), escluso: money(excludedCofinancing) },
        money(Af),
      ),
      step('C1', 'admitted.total', 'A = A_c + A_f', { A_c: money(Ac), A_f: money(Af) }, money(A)),
      step(
        'C2',
        'contribution.proportional',
        P.isZero()
          ? `D1 = B × min(1, A / P), arrotondato al centesimo (half-up); ${renderIt('C2.zeroPlanned', {})}`
          : 'D1 = B × min(1, A / P), arrotondato al centesimo (half-up)',
        { B: money(B), A: money(A), P: money(P) },
        money(D1),
      ),
      step('C3', 'contribution.cappedByAdmitted', 'D2 = min(D1, A_c)', { D1: money(D1), A_c: money(Ac) }, money(D2)),
    ];
    return { p, B, F, P, Ac, Af, A, D1, D2, trail, missing };
  });

  // C4 on the ATS total.
  const totalD2 = sum(stage.map((s) => s.D2));
  const totalAf = sum(stage.map((s) => s.Af));
  const cap = minRate.isZero() ? totalD2 : totalAf.div(minRate);
  const atsDue = policy === 'reduce' ? roundCents(Money.min(totalD2, cap)) : totalD2;
  const atsShare = totalD2.isZero() ? null : totalAf.div(totalD2);
  const dutyMet = atsShare === null || atsShare.gte(minRate);
  const r20: 'ok' | 'warning' | 'error' = dutyMet ? 'ok' : phase === 'yearClose' ? 'error' : 'warning';
  const dues =
    policy === 'reduce'
      ? apportionCents(
          atsDue,
          stage.map((s) => s.D2),
        )
      : stage.map((s) => s.D2);
  const atsTrail: TrailStep[] = [
    step(
      'C4',
      'ats.cofinancingShare',
      'quota di cofinanziamento ATS = Σ A_f / Σ D2',
      { 'Σ A_f': money(totalAf), 'Σ D2': money(totalD2) },
      atsShare === null ? '0.00' : pct(atsShare),
    ),
    policy === 'reduce'
      ? step(
          'C4',
          'ats.due',
          `D_ATS = min(Σ D2, Σ A_f / ${rateIt(minRate)}), arrotondato al centesimo`,
          { 'Σ D2': money(totalD2), 'Σ A_f': money(totalAf), 'Σ A_f / tasso minimo': money(roundCents(cap)) },
          money(atsDue),
        )
      : step(
          'C4',
          'ats.due',
          'D_ATS = Σ D2 (politica "flag": obbligo di cofinanziamento solo segnalato, R20)',
          { 'Σ D2': money(totalD2) },
          money(atsDue),
        ),
  ];

  const findings: Finding[] = [];
  if (!dutyMet) {
    findings.push(
      reportFinding(
        'R20',
        r20 === 'error' ? 'error' : 'warning',
        policy === 'reduce' ? 'reconciledAts.reduced' : 'reconciledAts',
        { share: pct(atsShare as Money), minimum: pct(minRate) },
      ),
    );
  }

  const tranches = agreement.rules.tranches;
  const answered = (programme: string) => !input.only || input.only.includes(programme);
  const programmes = stage.map((s, i) => {
    const D = dues[i];
    if (s.missing && answered(s.p.programme)) findings.push(s.missing);
    const share = s.D2.isZero() ? null : s.Af.div(s.D2);
    if (share !== null && share.lt(minRate)) {
      findings.push(
        reportFinding('R20', 'warning', 'reconciledProgramme', {
          programme: s.p.programme,
          share: pct(share),
          minimum: pct(minRate),
        }),
      );
    }
    const T1 = s.p.paid?.first ?? roundCents(s.B.times(tranches.first));
    const T2 = s.p.paid?.second ?? roundCents(s.B.times(tranches.second));
    const T3 = roundCents(D.minus(T1).minus(T2));
    // Advances (T1 by June, T2 by November) exceed what is admitted mid-year by construction:
    // an amount to recover exists only once the year is closed.
    const toRecover = phase === 'yearClose' ? Money.max(ZERO, T3.neg()) : ZERO;
    const trail = [
      ...s.trail,
      policy === 'reduce'
        ? step(
            'C4',
            'contribution.due',
            'D = D_ATS × D2 / Σ D2, ripartito al centesimo con il metodo dei resti maggiori',
            { D_ATS: money(atsDue), D2: money(s.D2), 'Σ D2': money(totalD2) },
            money(D),
          )
        : step('C4', 'contribution.due', 'D = D2 (politica "flag")', { D2: money(s.D2) }, money(D)),
      step(
        'C4',
        'cofinancingShare',
        'quota di cofinanziamento = A_f / D2',
        { A_f: money(s.Af), D2: money(s.D2) },
        share === null ? '0.00' : pct(share),
      ),
      step(
        'C5',
        'tranches.first',
        s.p.paid?.first ? 'T1 = prima tranche effettivamente pagata' : `T1 = ${rateIt(new Money(tranches.first))} × B`,
        { B: money(s.B) },
        money(T1),
      ),
      step(
        'C5',
        'tranches.second',
        s.p.paid?.second
          ? 'T2 = seconda tranche effettivamente pagata'
          : `T2 = ${rateIt(new Money(tranches.second))} × B`,
        { B: money(s.B) },
        money(T2),
      ),
      step(
        'C5',
        'tranches.balance',
        'T3 = D − T1 − T2 (se negativo: saldo 0 e importo da recuperare)',
        { D: money(D), T1: money(T1), T2: money(T2) },
        money(Money.max(ZERO, T3)),
      ),
      phase === 'yearClose'
        ? step(
            'C5',
            'toRecover',
            'da recuperare = max(0, T1 + T2 − D)',
            { D: money(D), T1: money(T1), T2: money(T2) },
            money(toRecover),
          )
        : step(
            'C5',
            'toRecover',
            "da recuperare: solo a chiusura dell'anno; in corso d'anno 0,00 (vedi la proiezione a fine anno)",
            { D: money(D), T1: money(T1), T2: money(T2) },
            money(ZERO),
          ),
    ];
    const answer: ProgrammeReconciliation = {
      programme: s.p.programme,
      budget: { municipal: money(s.B), cofinancing: money(s.F), planned: money(s.P) },
      reported: { municipal: money(s.p.reported.municipal), cofinancing: money(s.p.reported.cofinancing) },
      excluded: s.p.exclusions.map(excludedAnswer),
      admitted: { municipal: money(s.Ac), cofinancing: money(s.Af), total: money(s.A) },
      contribution: { proportional: money(s.D1), cappedByAdmitted: money(s.D2), due: money(D) },
      cofinancingShare: share === null ? '0.00' : pct(share),
      tranches: { first: money(T1), second: money(T2), balance: money(Money.max(ZERO, T3)) },
      toRecover: money(toRecover),
      trail,
    };
    return answer;
  });
  if (phase === 'during' && input.project !== false) {
    const projected = projectYearEnd(input);
    for (const p of programmes) p.projection = projected?.get(p.programme) ?? null;
  }

  return {
    agreement: agreement.id,
    year,
    asOf: input.asOf,
    policy,
    phase,
    programmes: programmes.filter((p) => answered(p.programme)),
    ats: {
      due: money(sum(dues)),
      cofinancing: money(totalAf),
      cofinancingShare: atsShare === null ? '0.00' : pct(atsShare),
      r20,
      trail: atsTrail,
    },
    findings,
  };
}

/** C1–C5 on the amounts to date extrapolated to the year end; null before the year starts. */
function projectYearEnd(input: ReconciliationInput): Map<string, ProgrammeProjection> | null {
  const { days, of } = yearElapsed(input.year, input.asOf);
  if (days <= 0) return null;
  const factor = new Money(of).div(days);
  const scale = (x: Money) => roundCents(x.times(factor));
  const year = reconcile({
    ...input,
    phase: 'yearClose',
    project: false,
    only: undefined,
    programmes: input.programmes.map((p) => ({
      ...p,
      reported: { municipal: scale(p.reported.municipal), cofinancing: scale(p.reported.cofinancing) },
      exclusions: p.exclusions.map((e) => ({ ...e, municipal: scale(e.municipal), cofinancing: scale(e.cofinancing) })),
    })),
  });
  const elapsed = pct(new Money(days).div(of));
  return new Map(
    year.programmes.map((p) => [
      p.programme,
      {
        basis: 'linear',
        yearElapsed: elapsed,
        admitted: p.admitted,
        contributionDue: p.contribution.due,
        cofinancingShare: p.cofinancingShare,
        balance: p.tranches.balance,
        toRecover: p.toRecover,
      },
    ]),
  );
}

/**
 * Splits `total` (cents) in proportion to `weights` with the largest-remainder method, so the
 * parts add back up to the total exactly (as dinero.js `allocate`/`distribute`); ties go to the
 * earlier part. Zero weights get zero; all-zero weights give all zeros.
 */
export function apportionCents(total: Money, weights: readonly Money[]): Money[] {
  const totalCents = BigInt(roundCents(total).times(100).toFixed(0));
  const w = weights.map((x) => BigInt(roundCents(Money.max(ZERO, x)).times(100).toFixed(0)));
  const weightSum = w.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) return weights.map(() => ZERO);
  const parts = w.map((x) => (totalCents * x) / weightSum);
  const remainders = w.map((x, i) => ({ i, r: (totalCents * x) % weightSum }));
  let left = totalCents - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts.map((c) => new Money(c.toString()).div(100));
}

/** yearClose once the last window of the year is locked on asOf (Rome calendar day). */
export function phaseOf(agreement: Pick<Agreement, 'windows'>, year: number, asOf: IsoDate): ReconciliationPhase {
  const lastLock = agreement.windows
    .map((w) => `${year + (w.lockNextYear ? 1 : 0)}-${w.lock}`)
    .sort()
    .pop();
  return lastLock !== undefined && asOf > lastLock ? 'yearClose' : 'during';
}

function excludedAnswer(e: Exclusion): ExcludedAnswer {
  const out: ExcludedAnswer = {
    reason: e.reason,
    amount: money(e.municipal.plus(e.cofinancing)),
    municipal: money(e.municipal),
    cofinancing: money(e.cofinancing),
    rowIds: e.rowIds,
  };
  if (e.note) out.note = e.note;
  if (e.findings?.length) out.findings = e.findings;
  return out;
}

function step(
  s: TrailStepCode,
  figure: string,
  formula: string,
  inputs: Record<string, string>,
  result: string,
): TrailStep {
  return { step: s, figure, formula, inputs, result };
}

/** C1 finding for a programme without an approved budget line (no version for the year, or no line in it). */
function missingBudget(programme: string, year: number, version: number | undefined): Finding {
  return version === undefined
    ? reportFinding('C1', 'warning', 'noBudget', { programma: programme, anno: year })
    : reportFinding('C1', 'warning', 'noBudgetLine', { programma: programme, anno: year, versione: version });
}
