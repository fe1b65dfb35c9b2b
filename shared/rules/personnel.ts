// PERS rows: R05 amount = hours x hourly cost (half-up to the cent, tolerance 0.01 €), R06 hourly
// cost above the Ministry average for the CCNL level, R08 hourly cost by the annual method.
import { Money, roundCents } from '../core/money';
import { FIXED_CENT, productCents } from '../core/fixed';
import { ccnlKey } from '../rows/rows';
import { ministryRate } from '../agreement/reference';
import type { RowRule } from './env';
import { rowFinding } from './emit';
import { formatMoneyIt, formatQuantityIt, formatMonthIt } from './format';
import { hoursAsTimeOf, HOURS_PER_DAY, type HoursAsTime } from './hours-as-time';

const CENT = new Money('0.01');

export const checkAmountFromHours: RowRule = (row, _env, out) => {
  const v = row.values;
  if (v.category !== 'PERS' || v.hoursFixed === null || v.hourlyCostFixed === null || v.amountFixed === null) return;
  // Most rows agree: settled on the exact Fixed product; decimal.js decides and words the rest.
  const fixed = productCents(v.hoursFixed, v.hourlyCostFixed);
  if (fixed !== null && Math.abs(v.amountFixed - fixed) <= FIXED_CENT) return;
  const hours = v.hours as Money;
  const cost = v.hourlyCost as Money;
  const amount = v.amount as Money;
  const expected = roundCents(hours.times(cost));
  if (amount.minus(expected).abs().lte(CENT)) return;
  const params = {
    importo: formatMoneyIt(amount),
    ore: formatQuantityIt(hours),
    costoOrario: formatQuantityIt(cost),
    atteso: formatMoneyIt(expected),
  };
  const asTime = hoursAsTime(hours, cost, amount);
  if (asTime) out.push(rowFinding(row, 'R05', 'error', 'hours', 'productHoursAsTime', { ...params, ...asTime }));
  else out.push(rowFinding(row, 'R05', 'error', 'amount', 'product', params));
};

/** The hours as a duration when the amount is the product of the hours read as days × 24. */
function hoursAsTime(hours: Money, cost: Money, amount: Money): HoursAsTime | null {
  const asTime = hoursAsTimeOf(hours);
  if (!asTime) return null;
  const asHours = roundCents(hours.times(HOURS_PER_DAY).times(cost));
  return amount.minus(asHours).abs().lte(CENT) ? asTime : null;
}

export const checkMinistryRate: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'PERS' || v.employment !== 'dipendente' || !v.level || v.hourlyCostFixed === null || !v.month)
    return;
  // A level without a CCNL is read against the agreement's CCNL (the one its programmes use).
  const ccnl = v.ccnl ?? ccnlKey(env.agreement.rules.personnel.ccnl);
  const reference = ministryRate(ccnl, v.level, v.month, env.hourlyCosts);
  if (!reference.ok) {
    out.push(
      rowFinding(row, 'R06', 'info', 'level', 'referenceMissing', {
        livello: v.level,
        mese: formatMonthIt(v.month),
      }),
    );
    return;
  }
  // The Fixed comparison settles nearly every row; decimal.js only for a rate beyond it or a finding's words.
  const above =
    reference.rateFixed !== null ? v.hourlyCostFixed > reference.rateFixed : (v.hourlyCost as Money).gt(reference.rate);
  if (above) {
    const cost = v.hourlyCost as Money;
    out.push(
      rowFinding(row, 'R06', 'warning', 'hourlyCost', 'aboveReference', {
        costoOrario: formatQuantityIt(cost),
        riferimento: formatQuantityIt(reference.rate),
        livello: v.level,
        dal: formatMonthIt(reference.effectiveFrom),
      }),
    );
  }
};

export const checkAnnualMethod: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'PERS' || v.annualCostFixed === null || v.hourlyCostFixed === null) return;
  const annualCost = v.annualCost as Money;
  const hourlyCost = v.hourlyCost as Money;
  const contractHours = v.contractHours;
  let hours = new Money(env.agreement.rules.personnel.annualHours);
  // Part-time: the annual hours shrink in proportion to the contractual monthly hours.
  if (contractHours && !contractHours.isZero() && contractHours.lt(env.fullTimeMonthlyHours)) {
    hours = hours.times(contractHours).div(env.fullTimeMonthlyHours);
  }
  if (hours.isZero()) return;
  const computed = roundCents(annualCost.div(hours));
  if (computed.minus(hourlyCost).abs().gt(CENT)) {
    out.push(
      rowFinding(row, 'R08', 'warning', 'hourlyCost', 'annualMethod', {
        costoOrario: formatQuantityIt(hourlyCost),
        calcolato: formatQuantityIt(computed),
        oreAnnue: formatQuantityIt(roundCents(hours)),
      }),
    );
  }
};
