// Running sums of the rows admitted so far (no error, usable amount), per category and action:
// the inputs of R20–R23. Adding and removing one row keeps them exact (FixedSum: integer sums of
// the rows' Fixed figures, decimal.js beyond).
import type { Category } from '../agreement/agreement';
import { FixedSum, ZERO, type Money } from '../core/money';
import type { Fixed } from '../core/fixed';
import type { ParsedRow } from '../rows/rows';

export class Cell {
  rows = 0;
  private readonly amountSum = new FixedSum();
  private readonly cofinancingSum = new FixedSum();

  constructor(
    readonly category: Category,
    readonly action: string | null,
  ) {}

  get amount(): Money {
    return this.amountSum.money;
  }

  get cofinancing(): Money {
    return this.cofinancingSum.money;
  }

  /** Adds (sign 1) or takes out (sign -1) one row's amount and co-financing share. */
  move(amount: Fixed, cofinancing: Fixed, sign: 1 | -1): void {
    this.amountSum.add((sign * amount) as Fixed);
    if (cofinancing !== 0) this.cofinancingSum.add((sign * cofinancing) as Fixed);
  }
}

export class Totals {
  /** category -> action id ('' when none) -> cell; ids come from the agreement, so no key is built per row. */
  private readonly cells = new Map<Category, Map<string, Cell>>();
  rows = 0;
  /** Counts every change, so that what is computed from the totals is recomputed only after one. */
  version = 0;

  add(row: ParsedRow): void {
    this.apply(row, 1);
  }

  remove(row: ParsedRow): void {
    this.apply(row, -1);
  }

  /** Every non-empty cell, in a stable order (category, action). */
  list(): Cell[] {
    const out: Cell[] = [];
    for (const category of [...this.cells.keys()].sort()) {
      const byAction = this.cells.get(category) as Map<string, Cell>;
      for (const action of [...byAction.keys()].sort()) out.push(byAction.get(action) as Cell);
    }
    return out;
  }

  sum(filter: (cell: Cell) => boolean = () => true): { amount: Money; municipal: Money; cofinancing: Money } {
    let amount = ZERO;
    let cofinancing = ZERO;
    for (const c of this.list()) {
      if (!filter(c)) continue;
      amount = amount.plus(c.amount);
      cofinancing = cofinancing.plus(c.cofinancing);
    }
    // Each row's shares add up to its amount, so the municipal sum is the difference (one sum less per row).
    return { amount, municipal: amount.minus(cofinancing), cofinancing };
  }

  private apply(row: ParsedRow, sign: 1 | -1): void {
    const v = row.values;
    if (!v.category || v.amountFixed === null || v.municipalShareFixed === null || v.cofinancingShareFixed === null)
      return;
    this.version += 1;
    let byAction = this.cells.get(v.category);
    if (!byAction) {
      byAction = new Map();
      this.cells.set(v.category, byAction);
    }
    const action = v.action ?? '';
    let cell = byAction.get(action);
    if (!cell) {
      cell = new Cell(v.category, v.action);
      byAction.set(action, cell);
    }
    cell.rows += sign;
    this.rows += sign;
    if (cell.rows === 0) {
      byAction.delete(action); // no drift: an empty cell disappears instead of holding a zero
      if (byAction.size === 0) this.cells.delete(v.category);
      return;
    }
    cell.move(v.amountFixed, v.cofinancingShareFixed, sign);
  }
}
