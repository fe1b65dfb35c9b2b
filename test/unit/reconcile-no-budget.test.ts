// C1–C5 for a programme without an approved budget (the Ambito's agreement ships with none):
// B = F = P = 0, so every contribution figure is 0.00 with no division by zero, and the C1 trail
// and a C1 finding say that no budget is approved.
import { getAgreement } from '../../shared/agreement/agreements';
import type { Agreement } from '../../shared/agreement/agreement';
import { Money } from '../../shared/core/money';
import { reconcile, type ReconciliationPolicy } from '../../shared/reconciliation/reconcile';
import { buildReconciliationInput, type ReconcilableRow } from '../../shared/reconciliation/reconciliation-input';
import { parseReconciliationAnswer } from '../../shared/reconciliation/reconciliation-answer-schema';
import { reconciliationLayout } from '../../shared/reconciliation/sheet-layout';

const ambito = getAgreement('ambito-poverta-2026-2028')!;
const crema = getAgreement('crema-2026-2028')!;
const m = (s: string) => new Money(s);

const ambitoAnswer = (policy?: ReconciliationPolicy, asOf = '2027-02-01') =>
  reconcile({
    agreement: ambito,
    year: 2026,
    asOf,
    policy,
    programmes: [
      { programme: 'P1', reported: { municipal: m('12000.00'), cofinancing: m('1500.00') }, exclusions: [] },
    ],
  });

describe.each<ReconciliationPolicy>(['reduce', 'flag'])('no approved budget, policy %s', (policy) => {
  const r = ambitoAnswer(policy);
  const [p1] = r.programmes;

  it('gives budget 0.00 and contribution due 0.00, with the admitted amounts still shown', () => {
    expect(p1.budget).toEqual({ municipal: '0.00', cofinancing: '0.00', planned: '0.00' });
    expect(p1.admitted).toEqual({ municipal: '12000.00', cofinancing: '1500.00', total: '13500.00' });
    expect(p1.contribution).toEqual({ proportional: '0.00', cappedByAdmitted: '0.00', due: '0.00' });
    expect(p1.tranches).toEqual({ first: '0.00', second: '0.00', balance: '0.00' });
    expect(p1.toRecover).toBe('0.00');
    expect(p1.cofinancingShare).toBe('0.00');
    expect(r.ats).toMatchObject({ due: '0.00', cofinancing: '1500.00', cofinancingShare: '0.00', r20: 'ok' });
  });

  it('every figure of the trail is a finite amount (no NaN or Infinity from A / P)', () => {
    for (const entry of [...p1.trail, ...r.ats.trail]) {
      expect(entry.result).toMatch(/^-?\d+\.\d{2}$/);
      for (const value of Object.values(entry.inputs)) expect(value).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it('says in the C1 trail and in a C1 finding that no budget is approved', () => {
    const planned = p1.trail.find((t) => t.figure === 'budget.planned')!;
    expect(planned.formula).toMatch(/^P = B \+ F \(Programma P1: nessuna versione di budget approvata per l'anno 2026/);
    const proportional = p1.trail.find((t) => t.figure === 'contribution.proportional')!;
    expect(proportional.formula).toContain('con P = 0 il contributo proporzionale è 0');
    expect(r.findings).toEqual([
      {
        code: 'C1',
        severity: 'warning',
        sheet: null,
        row: null,
        column: null,
        field: null,
        message:
          "Programma P1: nessuna versione di budget approvata per l'anno 2026; budget 0,00 € e contributo dovuto 0,00 € finché la Cabina di Regia non approva il budget.",
        params: { variant: 'noBudget', programma: 'P1', anno: 2026 },
      },
    ]);
  });
});

describe('no approved budget, end to end', () => {
  it('from stored rows (buildReconciliationInput), exclusions included', () => {
    const rows: ReconcilableRow[] = [
      { rowId: 'koala/b-1', programme: 'P1', category: 'BENI', municipal: m('800'), cofinancing: m('0') },
      { rowId: 'koala/c-1', programme: 'P1', category: 'COFIN', municipal: m('0'), cofinancing: m('100') },
    ];
    const r = reconcile(
      buildReconciliationInput({
        agreement: ambito,
        year: 2027,
        asOf: '2027-06-01',
        programmes: [
          {
            programme: 'P1',
            rows,
            reviews: [{ submissionId: 'x', rowId: 'koala/b-1', reason: 'fuori tema', decidedOn: '2027-05-01' }],
          },
        ],
      }),
    );
    expect(r.programmes[0]).toMatchObject({
      budget: { planned: '0.00' },
      reported: { municipal: '800.00', cofinancing: '100.00' },
      admitted: { municipal: '0.00', cofinancing: '100.00' },
      contribution: { due: '0.00' },
    });
    expect(r.findings.map((f) => [f.code, f.params?.variant, f.params?.anno])).toEqual([['C1', 'noBudget', 2027]]);
  });

  it('passes the pane schema and lays out in the Riconciliazione sheet with the C1 note', () => {
    const answer = JSON.parse(JSON.stringify(ambitoAnswer()));
    expect(parseReconciliationAnswer(answer).ok).toBe(true);
    const layout = reconciliationLayout(answer);
    const cells = layout.values.flat().map(String);
    expect(cells).toContain('Rilievo C1');
    expect(cells.some((c) => c.includes('nessuna versione di budget approvata'))).toBe(true);
  });

  it('an explicit budget (B and F given by the caller) is not "missing"', () => {
    const r = reconcile({
      agreement: ambito,
      year: 2026,
      asOf: '2027-02-01',
      programmes: [
        {
          programme: 'P1',
          budget: { municipal: m('1000'), cofinancing: m('100') },
          reported: { municipal: m('1000'), cofinancing: m('100') },
          exclusions: [],
        },
      ],
    });
    expect(r.findings).toEqual([]);
    expect(r.programmes[0].contribution.due).toBe('1000.00');
  });
});

describe('a budget version without a programme line', () => {
  const partial: Agreement = {
    ...crema,
    budgets: [
      {
        version: 3,
        year: 2026,
        approvedOn: '2026-11-20',
        approvedBy: 'Cabina di Regia',
        lines: [{ programme: 'P1', municipal: '1000.00', cofinancing: '100.00' }],
      },
    ],
  };
  const input = (only?: string[]) => ({
    agreement: partial,
    year: 2026,
    asOf: '2027-02-01',
    only,
    programmes: ['P1', 'P2'].map((programme) => ({
      programme,
      reported: { municipal: m('1000'), cofinancing: m('100') },
      exclusions: [],
    })),
  });

  it('zeroes only that programme and names the version', () => {
    const r = reconcile(input());
    expect(r.programmes.map((p) => [p.programme, p.budget.planned, p.contribution.due])).toEqual([
      ['P1', '1100.00', '1000.00'],
      ['P2', '0.00', '0.00'],
    ]);
    expect(r.findings.map((f) => [f.code, f.params?.variant, f.params?.programma, f.params?.versione])).toEqual([
      ['C1', 'noBudgetLine', 'P2', 3],
    ]);
  });

  it('a programme left out of the answer (only) does not bring its C1 finding along', () => {
    const r = reconcile(input(['P1']));
    expect(r.programmes.map((p) => p.programme)).toEqual(['P1']);
    expect(r.findings).toEqual([]);
  });
});
