// The rules that read one row and the context only, in the order their findings are produced.
import type { RowRule } from './env';
import { cellFindings } from './cells';
import { checkRowId } from './row-ids';
import { checkFutureDates, checkPeriod } from './period';
import { checkProgramme } from './programme';
import { checkAmountFromHours, checkMinistryRate, checkAnnualMethod } from './personnel';
import { checkSupplierId } from './supplier-id';
import { checkPayment } from './payment';
import { checkVat } from './vat';
import { checkCup } from './cup';
import { checkExpenseType } from './expense-type';
import { checkDocuments } from './documents';
import { checkVolunteers } from './volunteers';
import { checkLocks } from './locks';

const checkCells: RowRule = (row, env, out) => {
  cellFindings(row, env.agreement, out);
};

export const LOCAL_RULES: readonly RowRule[] = [
  checkCells,
  checkRowId,
  checkPeriod,
  checkFutureDates,
  checkProgramme,
  checkAmountFromHours,
  checkMinistryRate,
  checkAnnualMethod,
  checkSupplierId,
  checkPayment,
  checkVat,
  checkCup,
  checkExpenseType,
  checkDocuments,
  checkVolunteers,
  checkLocks,
];
