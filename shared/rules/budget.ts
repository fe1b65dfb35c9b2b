// R22: reported municipal amounts per programme, action and category above the latest approved
// budget line of the year. Without an approved line there is nothing to compare: an info says so
// (an agreement may run before the Cabina di Regia approves its budget).
import { latestBudget, type Category } from '../agreement/agreement';
import type { Finding } from '../findings/findings';
import { Money, formatAmount } from '../core/money';
import type { RuleEnv } from './env';
import { reportFinding } from './emit';
import { formatMoneyIt } from './format';
import type { Totals } from './totals';

export function checkBudget(totals: Totals, env: RuleEnv): Finding[] {
  const version = latestBudget(env.agreement, env.ctx.year);
  const line = version?.lines.find((l) => l.programme === env.ctx.programme);
  if (!line) {
    return [
      reportFinding('R22', 'info', version ? 'noBudgetLine' : 'noBudget', {
        programma: env.ctx.programme,
        anno: env.ctx.year,
        ...(version ? { versione: version.version } : {}),
      }),
    ];
  }
  const out: Finding[] = [];
  const over = (
    variant: 'programme' | 'action' | 'category',
    reported: Money,
    budget: Money,
    extra: { azione: string } | { categoria: string } | Record<never, never>,
  ) => {
    if (reported.gt(budget)) {
      out.push(
        reportFinding('R22', 'warning', variant, {
          programma: env.ctx.programme,
          ...extra,
          rendicontato: formatMoneyIt(reported),
          budgetApprovato: formatMoneyIt(budget),
          eccedenza: formatMoneyIt(reported.minus(budget)),
          reported: formatAmount(reported),
          budget: formatAmount(budget),
          excess: formatAmount(reported.minus(budget)),
        }),
      );
    }
  };
  over('programme', totals.sum().municipal, new Money(line.municipal), {});
  for (const [action, amount] of Object.entries(line.byAction ?? {}).sort()) {
    over('action', totals.sum((c) => c.action === action).municipal, new Money(amount), { azione: action });
  }
  for (const [category, amount] of Object.entries(line.byCategory ?? {}).sort()) {
    over('category', totals.sum((c) => c.category === (category as Category)).municipal, new Money(amount), {
      categoria: category,
    });
  }
  return out;
}
