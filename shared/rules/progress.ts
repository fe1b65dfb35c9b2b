// R23 (info): reported vs budget for the programme, beside the share of the year elapsed.
import { budgetLine } from '../agreement/agreement';
import type { Finding } from '../findings/findings';
import { Money, formatAmount } from '../core/money';
import { yearElapsed } from '../agreement/windows';
import type { RuleEnv } from './env';
import { reportFinding } from './emit';
import { formatMoneyIt, formatShareIt } from './format';
import type { Totals } from './totals';

export function progressFindings(totals: Totals, env: RuleEnv, rowCount: number): Finding[] {
  const line = budgetLine(env.agreement, env.ctx.year, env.ctx.programme);
  const elapsed = yearElapsed(env.ctx.year, env.ctx.today);
  const excluded = rowCount - totals.rows;
  const common = {
    programma: env.ctx.programme,
    anno: env.ctx.year,
    trascorso: formatShareIt(new Money(elapsed.days), new Money(elapsed.of)),
    righeEscluse: excluded,
  };
  if (!line) return [reportFinding('R23', 'info', excluded > 0 ? 'noBudget.excluded' : 'noBudget', common)];
  const { municipal, cofinancing } = totals.sum();
  const budget = new Money(line.municipal);
  return [
    reportFinding('R23', 'info', excluded > 0 ? 'progress.excluded' : 'progress', {
      ...common,
      rendicontato: formatMoneyIt(municipal),
      budgetApprovato: formatMoneyIt(budget),
      avanzamento: formatShareIt(municipal, budget),
      cofinanziamento: formatMoneyIt(cofinancing),
      reported: formatAmount(municipal),
      cofinancing: formatAmount(cofinancing),
    }),
  ];
}
