// PERS rows: R05 amount = hours x hourly cost (half-up to the cent, tolerance 0.01 €), R06 hourly
// cost above the Ministry average for the CCNL level, R08 hourly cost by the annual method.
import { Money, roundCents } from '../core/money';
import { ccnlKey } from '../rows/rows';
import { ministryRate } from '../agreement/reference';
import type { RowRule } from './env';
import { rowFinding } from './emit';
import { formatMoneyIt, formatQuantityIt, formatMonthIt } from './format';
import { hoursAsTimeOf, HOURS_PER_DAY, type HoursAsTime } from './hours-as-time';

const CENT = new Money('0.01');

export const checkAmountFromHours: RowRule = (row, _env, out) => {
  const v = row.values;
  if (v.category !== 'PERS' || !v.hours || !v.hourlyCost || !v.amount) return;
  const product = v.hours.times(v.hourlyCost);
  // Whole hours times a rate in cents is already in cents: rounding would only allocate an equal Decimal.
  const expected = product.decimalPlaces() <= 2 ? product : roundCents(product);
  if (!v.amount.eq(expected) && v.amount.minus(expected).abs().gt(CENT)) {
    const asTime = hoursAsTime(v.hours, v.hourlyCost, v.amount);
    if (asTime) {
      out.push(
        rowFinding(row, 'R05', 'error', 'hours', 'productHoursAsTime', {
          importo: formatMoneyIt(v.amount),
          ore: formatQuantityIt(v.hours),
          costoOrario: formatQuantityIt(v.hourlyCost),
          atteso: formatMoneyIt(expected),
          ...asTime,
        }),
      );
      return;
    }
    out.push(
      rowFinding(row, 'R05', 'error', 'amount', 'product', {
        importo: formatMoneyIt(v.amount),
        ore: formatQuantityIt(v.hours),
        costoOrario: formatQuantityIt(v.hourlyCost),
        atteso: formatMoneyIt(expected),
      }),
    );
  }
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
  if (v.category !== 'PERS' || v.employment !== 'dipendente' || !v.level || !v.hourlyCost || !v.month) return;
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
  if (v.hourlyCost.gt(reference.rate)) {
    out.push(
      rowFinding(row, 'R06', 'warning', 'hourlyCost', 'aboveReference', {
        costoOrario: formatQuantityIt(v.hourlyCost),
        riferimento: formatQuantityIt(reference.rate),
        livello: v.level,
        dal: formatMonthIt(reference.effectiveFrom),
      }),
    );
  }
};

export const checkAnnualMethod: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'PERS' || !v.annualCost || !v.hourlyCost) return;
  let hours = new Money(env.agreement.rules.personnel.annualHours);
  // Part-time: the annual hours shrink in proportion to the contractual monthly hours.
  if (v.contractHours && !v.contractHours.isZero() && v.contractHours.lt(env.fullTimeMonthlyHours)) {
    hours = hours.times(v.contractHours).div(env.fullTimeMonthlyHours);
  }
  if (hours.isZero()) return;
  const computed = roundCents(v.annualCost.div(hours));
  if (computed.minus(v.hourlyCost).abs().gt(CENT)) {
    out.push(
      rowFinding(row, 'R08', 'warning', 'hourlyCost', 'annualMethod', {
        costoOrario: formatQuantityIt(v.hourlyCost),
        calcolato: formatQuantityIt(computed),
        oreAnnue: formatQuantityIt(roundCents(hours)),
      }),
    );
  }
};
