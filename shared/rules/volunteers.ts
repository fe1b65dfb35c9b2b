// R16: volunteer hours are co-financing only, valued at most at the Ministry rate of the agreement's
// reference level at the activity date.
import { isBlank } from '../rows/rows';
import { parseAmountCell, type Money } from '../core/money';
import { ministryRate } from '../agreement/reference';
import { ccnlKey } from '../rows/rows';
import type { RowRule } from './env';
import { rowFinding } from './emit';
import { formatQuantityIt, formatMonthIt } from './format';

export const checkVolunteers: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'COFIN' || v.resourceType !== 'volontariato') return;
  const share = row.input.municipalShare;
  if (!isBlank(share)) {
    const parsed = parseAmountCell(share);
    if (!parsed.ok || !parsed.value.isZero()) out.push(rowFinding(row, 'R16', 'error', 'municipalShare', 'municipal'));
  }
  if (v.hourlyValueFixed === null || !v.month) return;
  const { referenceCcnl, referenceLevel } = env.agreement.rules.volunteers;
  const reference = ministryRate(ccnlKey(referenceCcnl), referenceLevel, v.month, env.hourlyCosts);
  if (!reference.ok) {
    out.push(
      rowFinding(row, 'R16', 'info', 'hourlyValue', 'referenceMissing', {
        livello: referenceLevel,
        mese: formatMonthIt(v.month),
      }),
    );
  } else if (
    reference.rateFixed !== null
      ? v.hourlyValueFixed > reference.rateFixed
      : (v.hourlyValue as Money).gt(reference.rate)
  ) {
    out.push(
      rowFinding(row, 'R16', 'error', 'hourlyValue', 'aboveReference', {
        valoreOrario: formatQuantityIt(v.hourlyValue as Money),
        riferimento: formatQuantityIt(reference.rate),
        livello: referenceLevel,
      }),
    );
  }
};
