// The whole-report rules R20–R23, from the running totals of admitted rows.
import type { Finding } from '../findings/findings';
import type { RuleEnv } from './env';
import { programmeCofinancing } from './cofinancing';
import { checkGeneralCosts } from './general-costs';
import { checkBudget } from './budget';
import { progressFindings } from './progress';
import type { Totals } from './totals';

export function reportRuleFindings(totals: Totals, env: RuleEnv, rowCount: number): Finding[] {
  return [
    ...programmeCofinancing(totals, env),
    ...checkGeneralCosts(totals, env),
    ...checkBudget(totals, env),
    ...progressFindings(totals, env, rowCount),
  ];
}
