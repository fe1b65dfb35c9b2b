// The layout against an answer computed by the domain module itself (shared/reconciliation/reconcile.ts), so a
// change of the answer's shape breaks here rather than in a PO's workbook.
import Decimal from 'decimal.js';
import { Money } from '../../../shared/core/money';
import { getAgreement } from '../../../shared/agreement/agreements';
import { reconcile } from '../../../shared/reconciliation/reconcile';
import type { ReconciliationAnswerAsRead } from '../../../shared/reconciliation/reconciliation-answer';
import { parseReconciliationAnswer } from '../../../shared/reconciliation/reconciliation-answer-schema';
import { reconciliationLayout } from '../../../shared/reconciliation/sheet-layout';
import { wireOf } from './reconciliation-fixture';

const agreement = getAgreement('crema-2026-2028')!;
const m = (v: string) => new Money(v);

const real = reconcile({
  agreement,
  year: 2026,
  asOf: '2027-02-01',
  programmes: agreement.programmes.map((p, i) => ({
    programme: p.id,
    reported: { municipal: m(i === 0 ? '700000.00' : '50000.00'), cofinancing: m(i === 0 ? '90000.00' : '6000.00') },
    exclusions:
      i === 0
        ? [
            {
              reason: 'S6',
              rowIds: ['koala/=SUM(A1)'],
              municipal: m('1000.00'),
              cofinancing: m('0'),
              note: 'Spesa non necessaria',
            },
          ]
        : [],
  })),
});

describe('layout of a real reconciliation answer', () => {
  // Compile-time check (npx tsc): the domain's answer type is a ReconciliationAnswerAsRead.
  const typed: ReconciliationAnswerAsRead = real;
  // What travels is JSON: lay out the answer as the pane receives it.
  const answer: ReconciliationAnswerAsRead = JSON.parse(JSON.stringify(typed));

  it('passes the pane schema unchanged', () => {
    const parsed = parseReconciliationAnswer(answer);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.answer.programmes[0].trail[0].figure).toBe('budget.planned');
  });

  it('puts every figure in the sheet and the named trail next to it', () => {
    const layout = reconciliationLayout(answer);
    expect(layout.figures.filter((f) => f.key.startsWith('P1.')).length).toBeGreaterThan(15);
    for (const f of layout.figures) {
      const v = layout.values[f.row][f.col];
      const shown =
        f.kind === 'percent' ? new Decimal(String(v)).times(100).toFixed(2) : new Decimal(String(v)).toFixed(2);
      expect(shown).toBe(wireOf(answer, f.key));
    }
    const p1Trail = answer.programmes[0].trail;
    for (const figure of [
      'budget.planned',
      'admitted.total',
      'contribution.proportional',
      'contribution.due',
      'tranches.balance',
    ]) {
      const entry = p1Trail.find((e) => e.figure === figure)!;
      // The detail row (the summary table above holds the same key without a trail).
      const f = layout.figures.filter((x) => x.key === `P1.${figure}`).pop()!;
      expect(String(layout.values[f.row][2])).toContain(entry.formula);
    }
    const due = layout.figures.find((f) => f.key === 'ats.due')!;
    expect(String(layout.values[due.row][2])).toContain('D_ATS');
    const exclusion = layout.figures.find((f) => f.key === 'P1.excluded[0].amount')!;
    expect(layout.values[exclusion.row][2]).toBe(
      '1 riga: koala/=SUM(A1) · quota Comune 1.000,00, cofinanziamento 0,00 · Spesa non necessaria',
    );
    expect(layout.text[exclusion.row][2]).toBe(true);
  });
});
