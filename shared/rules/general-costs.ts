// R21: general costs (GEN) within the cap, rate x basis from the agreement (default 7% of eligible
// direct costs; option 15% of direct personnel costs). The excess is excluded and stated.
import type { Finding } from '../findings/findings';
import { Money, formatAmount, roundCents } from '../core/money';
import type { RuleEnv } from './env';
import { reportFinding } from './emit';
import { formatMoneyIt, formatShareIt } from './format';
import type { Totals } from './totals';

const DIRECT = new Set(['PERS', 'BENI', 'SERV']);

export function generalCostsCap(totals: Totals, env: RuleEnv): { general: Money; cap: Money; basis: Money } {
  const config = env.agreement.rules.generalCosts;
  const general = totals.sum((c) => c.category === 'GEN').amount;
  const basis = totals.sum((c) =>
    config.basis === 'personnel' ? c.category === 'PERS' : DIRECT.has(c.category),
  ).amount;
  return { general, basis, cap: roundCents(basis.times(new Money(config.rate))) };
}

export function checkGeneralCosts(totals: Totals, env: RuleEnv): Finding[] {
  const { general, cap, basis } = generalCostsCap(totals, env);
  if (!general.gt(cap)) return [];
  const config = env.agreement.rules.generalCosts;
  return [
    reportFinding('R21', 'warning', config.basis, {
      speseGenerali: formatMoneyIt(general),
      tetto: formatMoneyIt(cap),
      base: formatMoneyIt(basis),
      aliquota: formatShareIt(new Money(config.rate), new Money(1)),
      eccedenza: formatMoneyIt(general.minus(cap)),
      // Wire-format figures for programs (reconciliation excludes the excess).
      excess: formatAmount(general.minus(cap)),
      cap: formatAmount(cap),
      general: formatAmount(general),
    }),
  ];
}
