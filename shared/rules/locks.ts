// R24: after a window's lock, rows dated in it can no longer be added, changed or removed. Without
// server state every such row counts as an addition (DOMAIN §5). Removals: row-ids.ts.
import { formatDateIt } from '../core/dates';
import type { RowRule } from './env';
import { rowFinding } from './emit';
import { dateField } from './period';
import { rowFingerprint, sameCells } from './fingerprint';

export const checkLocks: RowRule = (row, env, out) => {
  const window = env.lockedWindow(row.values.date);
  if (!env.previous) {
    if (window) out.push(rowFinding(row, 'R24', 'error', dateField(row), 'locked', params(window)));
    return;
  }
  const previous = env.previous.get(row.rowId);
  if (!previous) {
    if (window) out.push(rowFinding(row, 'R24', 'error', dateField(row), 'added', params(window)));
    return;
  }
  // Sent again with the same cells: the same content, so nothing to lock (a row of unknown category
  // is fingerprinted whole, envelope included, so it takes the long way).
  if (row.values.category !== null && sameCells(previous.input, row.input)) return;
  const previousWindow = env.lockedWindow(previous.parsed.values.date);
  const lockedWindow = window ?? previousWindow;
  if (lockedWindow && previous.fingerprint() !== rowFingerprint(row)) {
    out.push(rowFinding(row, 'R24', 'error', dateField(row), 'changed', params(lockedWindow)));
  }
};

function params(window: { id: string; lockDate: string }) {
  return { finestra: window.id, chiusura: formatDateIt(window.lockDate) };
}
