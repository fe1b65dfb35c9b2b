// R09: the supplier id is a valid partita IVA or codice fiscale (a missing one is R01).
import { compactSupplierIdKind } from '../core/tax-ids';
import type { RowRule } from './env';
import { rowFinding } from './emit';

export const checkSupplierId: RowRule = (row, _env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (!v.supplierId) return;
  // values.supplierId is compact already (rows.ts normaliseSupplierId compacts as supplierIdKind does).
  if (compactSupplierIdKind(v.supplierId) === null) {
    const variant = /^\d+$/.test(v.supplierId) ? 'vat' : 'taxCode';
    out.push(rowFinding(row, 'R09', 'error', 'supplierId', variant));
  }
};
