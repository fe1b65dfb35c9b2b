// From stored evidence (rows, findings, sample outcomes, row reviews) to the reconciliation input:
// what the server calls before reconcile().
import { getAgreement } from '../../shared/agreement/agreements';
import { Money } from '../../shared/core/money';
import { normaliseRow } from '../../shared/rows/rows';
import type { FindingRecord as Finding } from '../../shared/findings/findings';
import {
  buildReconciliationInput,
  reconcilableRow,
  type ReconcilableRow,
} from '../../shared/reconciliation/reconciliation-input';
import { reconcile } from '../../shared/reconciliation/reconcile';
import { replayOutcome, type OutcomeEvent } from '../../shared/sample/outcomes';

const agreement = getAgreement('crema-2026-2028')!;
const m = (s: string | number) => new Money(s);
const PERSON_A = 'RSSMRA80A01H501U';
const PERSON_B = 'VRDLGU75B12D150K';

const rows: ReconcilableRow[] = [
  {
    rowId: 'p-1',
    programme: 'P1',
    category: 'PERS',
    municipal: m('2000'),
    cofinancing: m('0'),
    month: '2026-02',
    taxCode: PERSON_A.toLowerCase(),
  },
  {
    rowId: 'p-2',
    programme: 'P1',
    category: 'PERS',
    municipal: m('2000'),
    cofinancing: m('400'),
    month: '2026-03',
    taxCode: PERSON_A,
  },
  {
    rowId: 'p-3',
    programme: 'P1',
    category: 'PERS',
    municipal: m('1500'),
    cofinancing: m('0'),
    month: '2026-09',
    taxCode: PERSON_A,
  }, // H2
  {
    rowId: 'p-4',
    programme: 'P1',
    category: 'PERS',
    municipal: m('3000'),
    cofinancing: m('0'),
    month: '2026-04',
    taxCode: PERSON_B,
  },
  { rowId: 'b-1', programme: 'P1', category: 'BENI', municipal: m('800'), cofinancing: m('0') },
  { rowId: 'b-2', programme: 'P1', category: 'BENI', municipal: m('300'), cofinancing: m('0') },
  { rowId: 'g-1', programme: 'P1', category: 'GEN', municipal: m('900'), cofinancing: m('100') },
  { rowId: 'c-1', programme: 'P1', category: 'COFIN', municipal: m('0'), cofinancing: m('5000') },
  { rowId: 'x-1', programme: 'P2', category: 'BENI', municipal: m('999'), cofinancing: m('0') }, // other programme: ignored
];

const finding = (
  code: Finding['code'],
  severity: Finding['severity'],
  rowId: string | undefined,
  message: string,
  params?: Finding['params'],
): Finding => ({ code, severity, sheet: null, row: null, column: null, field: null, message, rowId, params });

function outcome(personId: string, events: OutcomeEvent[]) {
  const r = replayOutcome(agreement, personId, '2026-10-01', events);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe('buildReconciliationInput', () => {
  const input = buildReconciliationInput({
    agreement,
    year: 2026,
    asOf: '2027-02-01',
    programmes: [
      {
        programme: 'P1',
        rows,
        findings: [
          finding('R25', 'error', 'b-1', 'Documentazione obbligatoria mancante alla chiusura della finestra.'),
          finding('R06', 'warning', 'p-4', 'Costo orario sopra la media ministeriale.'), // warnings do not exclude
          finding('R21', 'warning', undefined, 'Spese generali oltre il 7% dei costi diretti.', { excess: '250.00' }),
        ],
        reviews: [{ submissionId: 's-1', rowId: 'b-2', reason: 'spesa non pertinente al programma' }],
        samples: [
          {
            semester: '2026-H1',
            outcomes: [
              outcome(PERSON_A, [
                { type: 'decision', on: '2026-10-20', outcome: 'non_ammesso', reason: 'timesheet non firmati' },
              ]),
              outcome(PERSON_B, [
                { type: 'decision', on: '2026-10-20', outcome: 'ammesso_parzialmente', amount: '2500.00' },
              ]),
            ],
          },
        ],
      },
    ],
  });
  const p1 = input.programmes[0];

  it('reported totals are every row of the programme', () => {
    expect(p1.reported.municipal.toFixed(2)).toBe('10500.00');
    expect(p1.reported.cofinancing.toFixed(2)).toBe('5500.00');
  });

  it('exclusions by reason, with rows, findings and an Italian note (no tax codes)', () => {
    const plain = p1.exclusions.map((e) => ({
      ...e,
      municipal: e.municipal.toFixed(2),
      cofinancing: e.cofinancing.toFixed(2),
    }));
    expect(plain).toEqual([
      {
        reason: 'R25',
        rowIds: ['b-1'],
        municipal: '800.00',
        cofinancing: '0.00',
        note: 'Righe escluse dalla regola R25.',
        findings: [
          { code: 'R25', rowId: 'b-1', message: 'Documentazione obbligatoria mancante alla chiusura della finestra.' },
        ],
      },
      {
        reason: 'S6',
        rowIds: ['b-2'],
        municipal: '300.00',
        cofinancing: '0.00',
        note: 'Riga non ammessa dalla PO: spesa non pertinente al programma',
      },
      // Person A, H1 rows only (p-3 is H2): 2,000 + 2,400 = 4,400, municipal share first.
      {
        reason: 'S5',
        rowIds: ['p-1', 'p-2'],
        municipal: '4000.00',
        cofinancing: '400.00',
        note: 'Campione 2026-H1, persona n. 1: non ammesso (timesheet non firmati) – provvisorio, contraddittorio in corso.',
      },
      // Person B: 3,000 sampled, 2,500 admitted → 500 not admitted.
      {
        reason: 'S5',
        rowIds: ['p-4'],
        municipal: '500.00',
        cofinancing: '0.00',
        note: 'Campione 2026-H1, persona n. 2: ammesso parzialmente per 2500.00 € – provvisorio, contraddittorio in corso.',
      },
      {
        reason: 'R21',
        rowIds: ['g-1'],
        municipal: '250.00',
        cofinancing: '0.00',
        note: 'Spese generali oltre il 7% dei costi diretti. Eccedenza esclusa: 250.00 €.',
      },
    ]);
    expect(JSON.stringify(plain)).not.toContain(PERSON_A);
  });

  it('feeds reconcile(): the non-admitted sampled person lowers A_c', () => {
    const r = reconcile(input);
    expect(r.programmes[0].admitted).toEqual({ municipal: '4650.00', cofinancing: '5100.00', total: '9750.00' });
    expect(r.programmes[0].excluded.map((e) => [e.reason, e.amount])).toEqual([
      ['R25', '800.00'],
      ['S6', '300.00'],
      ['S5', '4400.00'],
      ['S5', '500.00'],
      ['R21', '250.00'],
    ]);
  });

  it('a row excluded by a finding is not excluded twice by a review', () => {
    const again = buildReconciliationInput({
      agreement,
      year: 2026,
      asOf: '2027-02-01',
      programmes: [
        {
          programme: 'P1',
          rows,
          findings: [finding('R24', 'error', 'b-1', 'Finestra chiusa.')],
          reviews: [{ submissionId: 's-1', rowId: 'b-1', reason: 'doppio' }],
        },
      ],
    });
    expect(again.programmes[0].exclusions.map((e) => e.reason)).toEqual(['R24']);
  });
});

describe('reconcilableRow adapts the normalised row of shared/rows/rows.ts', () => {
  it('a PERS row with its split', () => {
    const { values } = normaliseRow(
      {
        rowId: 'r-1',
        category: 'PERS',
        name: 'Mario Rossi',
        taxCode: 'RSSMRA80A01H501U',
        employment: 'dipendente',
        programme: 'P1',
        action: 'P1.A1',
        month: '03/2026',
        hours: '10',
        hourlyCost: '20,00',
        amount: '200,00',
        municipalShare: '150,00',
        cofinancingShare: '50,00',
      },
      agreement,
    );
    const row = reconcilableRow({ rowId: 'r-1', values }, 's-1');
    expect(row && { ...row, municipal: row.municipal.toFixed(2), cofinancing: row.cofinancing.toFixed(2) }).toEqual({
      rowId: 'r-1',
      submissionId: 's-1',
      programme: 'P1',
      category: 'PERS',
      municipal: '150.00',
      cofinancing: '50.00',
      month: '2026-03',
      taxCode: 'RSSMRA80A01H501U',
    });
  });
});
