// R09: the supplier id is a valid partita IVA or codice fiscale (a missing one is R01).
import { supplierIdKind } from '../core/tax-ids';
import type { RowRule } from './env';
import { rowFinding } from './emit';

export const checkSupplierId: RowRule = (row, _env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (!v.supplierId) return;
  if (supplierIdKind(v.supplierId) === null) {
    const variant = /^\d+$/.test(v.supplierId) ? 'vat' : 'taxCode';
    out.push(rowFinding(row, 'R09', 'error', 'supplierId', variant));
  }
};
