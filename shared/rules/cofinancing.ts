// R20: co-financing admitted >= minRate (10%) of the municipal contribution. Binding on the ATS over
// the whole agreement year (error at year close, warning before); per programme a warning only.
import type { Agreement } from '../agreement/agreement';
import type { Finding } from '../findings/findings';
import { Money, ZERO, formatAmount, type Money as MoneyT } from '../core/money';
import type { RuleEnv } from './env';
import { reportFinding } from './emit';
import { formatMoneyIt, formatShareIt } from './format';
import type { Totals } from './totals';

export function programmeCofinancing(totals: Totals, env: RuleEnv): Finding[] {
  const { municipal, cofinancing } = totals.sum();
  if (municipal.isZero()) return [];
  const minRate = new Money(env.agreement.rules.cofinancing.minRate);
  if (!cofinancing.lt(municipal.times(minRate))) return [];
  return [
    reportFinding('R20', 'warning', 'programme', {
      programma: env.ctx.programme,
      ...figures(municipal, cofinancing, minRate),
    }),
  ];
}

export interface ProgrammeCofinancing {
  programme: string;
  /** Admitted amounts charged to the municipal contribution and to co-financing. */
  municipal: MoneyT;
  cofinancing: MoneyT;
}

/**
 * ATS-wide R20 over every programme of the agreement year (the server has them all): an error at
 * year close, a warning during the year; null when the duty is met or nothing is charged yet.
 */
export function checkAtsCofinancing(
  programmes: readonly ProgrammeCofinancing[],
  agreement: Agreement,
  phase: 'live' | 'lock' | 'yearClose' = 'live',
): Finding | null {
  let municipal = ZERO;
  let cofinancing = ZERO;
  for (const p of programmes) {
    municipal = municipal.plus(p.municipal);
    cofinancing = cofinancing.plus(p.cofinancing);
  }
  if (municipal.isZero()) return null;
  const minRate = new Money(agreement.rules.cofinancing.minRate);
  if (!cofinancing.lt(municipal.times(minRate))) return null;
  return reportFinding(
    'R20',
    phase === 'yearClose' ? 'error' : 'warning',
    'ats',
    figures(municipal, cofinancing, minRate),
  );
}

/** The figures of an R20 sentence: Italian display strings and the wire amounts. */
function figures(municipal: MoneyT, cofinancing: MoneyT, minRate: MoneyT) {
  return {
    cofinanziamento: formatMoneyIt(cofinancing),
    quotaComune: formatMoneyIt(municipal),
    quota: formatShareIt(cofinancing, municipal),
    minimo: formatShareIt(minRate, new Money(1)),
    municipal: formatAmount(municipal),
    cofinancing: formatAmount(cofinancing),
  };
}
