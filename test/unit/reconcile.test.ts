// C1–C6 as a specification, with the seeds' own budget (DOMAIN.md §1 table, agreement year 2026).
import fc from 'fast-check';
import { getAgreement } from '../../shared/agreement/agreements';
import { Money, roundCents, sum } from '../../shared/core/money';
import {
  reconcile,
  apportionCents,
  phaseOf,
  type ProgrammeReconciliationInput,
  type Reconciliation,
  type ProgrammeReconciliation,
  type ReconciliationPolicy,
} from '../../shared/reconciliation/reconcile';

const agreement = getAgreement('crema-2026-2028')!;
const BUDGET: Record<string, [string, string]> = {
  P1: ['722461.31', '88436.17'],
  P2: ['105434.22', '42725.44'],
  P3: ['8604.80', '12334.62'],
  P4: ['196406.30', '18793.08'],
  P5: ['754694.84', '102037.39'],
  P6: ['120580.31', '37047.31'],
};
const m = (s: string | number) => new Money(s);

/** Every programme reports exactly its budget, unless `override` says otherwise. */
function programmes(
  override: Record<string, Partial<ProgrammeReconciliationInput>> = {},
): ProgrammeReconciliationInput[] {
  return Object.entries(BUDGET).map(([programme, [b, f]]) => ({
    programme,
    reported: { municipal: m(b), cofinancing: m(f) },
    exclusions: [],
    ...override[programme],
  }));
}
function run(
  override: Record<string, Partial<ProgrammeReconciliationInput>> = {},
  policy?: ReconciliationPolicy,
  asOf = '2027-02-01',
): Reconciliation {
  return reconcile({ agreement, year: 2026, asOf, policy, programmes: programmes(override) });
}
const prog = (r: Reconciliation, id: string) => r.programmes.find((p) => p.programme === id) as ProgrammeReconciliation;

describe('full realisation of the 2026 plan (the seeds’ numbers)', () => {
  const r = run();

  it('C1: P = B + F per programme; the ATS plan is 1,908,181.78 + 301,374.01', () => {
    expect(prog(r, 'P1').budget).toEqual({ municipal: '722461.31', cofinancing: '88436.17', planned: '810897.48' });
    expect(r.programmes.map((p) => p.contribution.due)).toEqual(Object.values(BUDGET).map(([b]) => b));
    expect(r.ats).toMatchObject({ due: '1908181.78', cofinancing: '301374.01', cofinancingShare: '15.79', r20: 'ok' });
  });

  it('R20: the ATS-wide duty holds while P4 is planned at 9.57% (warning for P4, not an error)', () => {
    expect(prog(r, 'P4').cofinancingShare).toBe('9.57');
    expect(prog(r, 'P4').contribution.due).toBe('196406.30'); // not reduced: the duty binds the ATS
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      code: 'R20',
      severity: 'warning',
      params: { programme: 'P4', share: '9.57', minimum: '10.00' },
    });
    expect(r.findings[0].message).toBe(
      "Programma P4: cofinanziamento ammesso al 9,57% del contributo, sotto il 10,00%. L'obbligo vale sull'intera ATS: segnalazione informativa (R20).",
    );
  });

  it('C5: tranches 60% / 30% / balance of B (P1: 433,476.79 + 216,738.39 + 72,246.13)', () => {
    expect(prog(r, 'P1').tranches).toEqual({ first: '433476.79', second: '216738.39', balance: '72246.13' });
    expect(prog(r, 'P1').toRecover).toBe('0.00');
    for (const p of r.programmes) {
      expect(sum([p.tranches.first, p.tranches.second, p.tranches.balance].map(m)).toFixed(2)).toBe(p.contribution.due);
    }
  });
});

describe('C2 under-spending reduces the contribution proportionally', () => {
  it('P1 spends 80% of P (577,969.05 + 70,748.94 of 810,897.48) → D = 0.8 × B = 577,969.05', () => {
    const p1 = prog(run({ P1: { reported: { municipal: m('577969.05'), cofinancing: m('70748.94') } } }), 'P1');
    expect(p1.admitted).toEqual({ municipal: '577969.05', cofinancing: '70748.94', total: '648717.99' });
    expect(p1.contribution.proportional).toBe(roundCents(m('722461.31').times('0.8')).toFixed(2));
    expect(p1.contribution).toEqual({ proportional: '577969.05', cappedByAdmitted: '577969.05', due: '577969.05' });
  });

  it('round numbers: B 100,000, F 12,000, 80% spent → D = 80,000.00', () => {
    const r = reconcile({
      agreement,
      year: 2026,
      asOf: '2026-12-01',
      programmes: [
        {
          programme: 'P1',
          budget: { municipal: m(100000), cofinancing: m(12000) },
          reported: { municipal: m(80000), cofinancing: m(9600) },
          exclusions: [],
        },
      ],
    });
    expect(r.programmes[0].contribution).toEqual({
      proportional: '80000.00',
      cappedByAdmitted: '80000.00',
      due: '80000.00',
    });
  });

  it('spending more than planned never raises the contribution above B', () => {
    const p2 = prog(run({ P2: { reported: { municipal: m('200000'), cofinancing: m('50000') } } }), 'P2');
    expect(p2.contribution.due).toBe('105434.22');
  });
});

describe('C3 never above admitted costs charged to the Comune', () => {
  it('co-financing over-reported cannot buy municipal contribution: D2 = A_c', () => {
    // P6 total equals P, but the municipal share is only 100,000: D1 = B, D2 = A_c.
    const p6 = prog(run({ P6: { reported: { municipal: m('100000.00'), cofinancing: m('57627.62') } } }), 'P6');
    expect(p6.contribution).toEqual({ proportional: '120580.31', cappedByAdmitted: '100000.00', due: '100000.00' });
  });

  it('a non-admitted sampled person (S5) lowers A_c by the person’s cost', () => {
    const p1 = prog(
      run({
        P1: {
          reported: { municipal: m('722461.31'), cofinancing: m('88436.17') },
          exclusions: [
            {
              reason: 'S5',
              rowIds: ['r-101', 'r-102'],
              municipal: m('4800.00'),
              cofinancing: m('0'),
              note: 'Campione 2026-H1, persona n. 1: non ammesso.',
            },
          ],
        },
      }),
      'P1',
    );
    expect(p1.admitted.municipal).toBe('717661.31');
    expect(p1.excluded).toEqual([
      {
        reason: 'S5',
        amount: '4800.00',
        municipal: '4800.00',
        cofinancing: '0.00',
        rowIds: ['r-101', 'r-102'],
        note: 'Campione 2026-H1, persona n. 1: non ammesso.',
      },
    ]);
    // A/P < 1 reduces D1 a little, then D2 = min(D1, A_c).
    const expectedD1 = roundCents(m('722461.31').times(m('717661.31').plus('88436.17')).div('810897.48'));
    expect(p1.contribution.proportional).toBe(expectedD1.toFixed(2));
    expect(p1.contribution.due).toBe(Money.min(expectedD1, m('717661.31')).toFixed(2));
  });
});

describe('C5 negative balance is an amount to recover', () => {
  it('P3 spends half: D = 4,302.40 but advances were 7,744.32 → recover 3,441.92', () => {
    const p3 = prog(run({ P3: { reported: { municipal: m('4302.40'), cofinancing: m('6167.31') } } }), 'P3');
    expect(p3.contribution.due).toBe('4302.40');
    expect(p3.tranches).toEqual({ first: '5162.88', second: '2581.44', balance: '0.00' });
    expect(p3.toRecover).toBe('3441.92');
  });

  it('advances actually paid replace 60% / 30% when given', () => {
    const p3 = prog(run({ P3: { paid: { first: m('5162.88'), second: m('0') } } }), 'P3');
    expect(p3.tranches).toEqual({ first: '5162.88', second: '0.00', balance: '3441.92' });
    expect(p3.trail.find((t) => t.figure === 'tranches.second')?.formula).toBe(
      'T2 = seconda tranche effettivamente pagata',
    );
  });
});

describe('C4 co-financing duty: policy reduce vs flag', () => {
  // Every programme spends its municipal budget but reports co-financing of only 5% of B.
  const low = Object.fromEntries(
    Object.entries(BUDGET).map(([id, [b]]) => [
      id,
      { reported: { municipal: m(b), cofinancing: roundCents(m(b).times('0.05')) } },
    ]),
  );

  it('reduce: D_ATS = Σ A_f / 10% = 954,091.00, apportioned by D2 share and adding up to the cent', () => {
    const r = run(low, 'reduce');
    expect(r.ats).toMatchObject({ cofinancing: '95409.10', due: '954091.00', r20: 'error', cofinancingShare: '5.48' });
    expect(sum(r.programmes.map((p) => m(p.contribution.due))).toFixed(2)).toBe('954091.00');
    const totalD2 = sum(r.programmes.map((p) => m(p.contribution.cappedByAdmitted)));
    expect(totalD2.toFixed(2)).toBe('1741467.55');
    for (const p of r.programmes) {
      const exact = m(p.contribution.cappedByAdmitted).times('954091.00').div(totalD2);
      expect(m(p.contribution.due).minus(exact).abs().lt('0.01')).toBe(true);
    }
    expect(r.findings.find((f) => f.severity === 'error')?.message).toBe(
      "Il cofinanziamento ammesso dell'ATS (5,48% del contributo) è inferiore al minimo del 10,00% (R20). Il contributo è ridotto di conseguenza (C4).",
    );
  });

  it('flag: D = D2, R20 reported (error at year close)', () => {
    const r = run(low, 'flag');
    expect(r.policy).toBe('flag');
    expect(r.ats).toMatchObject({ due: '1741467.55', r20: 'error' });
    for (const p of r.programmes) expect(p.contribution.due).toBe(p.contribution.cappedByAdmitted);
  });

  it('R20 is a warning during the year, an error at year close (phase from asOf and the windows)', () => {
    expect(run(low, 'flag', '2026-11-15')).toMatchObject({ phase: 'during', ats: { r20: 'warning' } });
    expect(run(low, 'flag', '2027-01-31')).toMatchObject({ phase: 'during' });
    expect(run(low, 'flag', '2027-02-01')).toMatchObject({ phase: 'yearClose', ats: { r20: 'error' } });
    expect(phaseOf(agreement, 2026, '2027-02-01')).toBe('yearClose');
  });

  it('default policy comes from the agreement (reduce)', () => {
    expect(run(low).policy).toBe('reduce');
  });

  it('the answer can be limited to one programme; totals still cover the ATS', () => {
    const r = reconcile({ agreement, year: 2026, asOf: '2027-02-01', programmes: programmes(low), only: ['P4'] });
    expect(r.programmes.map((p) => p.programme)).toEqual(['P4']);
    expect(r.ats.due).toBe('954091.00');
  });
});

describe('apportionment adds back up to the total to the cent (largest remainder)', () => {
  it('100.00 in three equal parts → 33.34 + 33.33 + 33.33', () => {
    expect(apportionCents(m('100.00'), [m(1), m(1), m(1)]).map((x) => x.toFixed(2))).toEqual([
      '33.34',
      '33.33',
      '33.33',
    ]);
  });
  it('remainders go to the largest fractional parts', () => {
    expect(apportionCents(m('0.05'), [m(1), m(3)]).map((x) => x.toFixed(2))).toEqual(['0.01', '0.04']);
    expect(apportionCents(m('10'), [m(0), m(0)]).map((x) => x.toFixed(2))).toEqual(['0.00', '0.00']);
  });
  it('for any total and weights the parts sum to the total', () => {
    const cents = fc.bigInt({ min: 0n, max: 10n ** 12n });
    fc.assert(
      fc.property(cents, fc.array(cents, { minLength: 1, maxLength: 8 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0n));
        const parts = apportionCents(
          m(total.toString()).div(100),
          weights.map((w) => m(w.toString()).div(100)),
        );
        expect(sum(parts).toFixed(2)).toBe(m(total.toString()).div(100).toFixed(2));
        parts.forEach((p) => expect(p.decimalPlaces()).toBeLessThanOrEqual(2));
      }),
      { numRuns: 300 },
    );
  });
});

describe('C6 every figure carries its calculation trail', () => {
  const r = run({
    P3: { reported: { municipal: m('4302.40'), cofinancing: m('6167.31') } },
    P1: {
      exclusions: [
        {
          reason: 'R25',
          rowIds: ['r-9'],
          municipal: m('1000'),
          cofinancing: m('0'),
          findings: [{ code: 'R25', rowId: 'r-9', message: 'Documentazione mancante alla chiusura della finestra.' }],
        },
      ],
    },
  });

  it('steps C1…C5 are present for every programme, each with formula, string inputs and result', () => {
    for (const p of r.programmes) {
      expect(new Set(p.trail.map((t) => t.step))).toEqual(new Set(['C1', 'C2', 'C3', 'C4', 'C5']));
      for (const t of p.trail) {
        expect(t.formula.length).toBeGreaterThan(5);
        expect(Object.values(t.inputs).every((v) => typeof v === 'string')).toBe(true);
        expect(typeof t.result).toBe('string');
      }
    }
  });

  it('each trail result is the figure of the answer, and inputs recompute it', () => {
    for (const p of r.programmes) {
      const at = (figure: string) => p.trail.find((t) => t.figure === figure)!;
      expect(at('budget.planned').result).toBe(p.budget.planned);
      expect(m(at('budget.planned').inputs.B).plus(at('budget.planned').inputs.F).toFixed(2)).toBe(p.budget.planned);
      expect(at('admitted.total').result).toBe(p.admitted.total);
      expect(at('contribution.proportional').result).toBe(p.contribution.proportional);
      const c3 = at('contribution.cappedByAdmitted');
      expect(c3.result).toBe(Money.min(m(c3.inputs.D1), m(c3.inputs.A_c)).toFixed(2));
      expect(c3.result).toBe(p.contribution.cappedByAdmitted);
      expect(at('contribution.due').result).toBe(p.contribution.due);
      const t3 = at('tranches.balance');
      expect(t3.result).toBe(p.tranches.balance);
      expect(Money.max(0, m(t3.inputs.D).minus(t3.inputs.T1).minus(t3.inputs.T2)).toFixed(2)).toBe(p.tranches.balance);
      expect(at('toRecover').result).toBe(p.toRecover);
    }
  });

  it('exclusions list the rows and findings behind them', () => {
    expect(prog(r, 'P1').excluded).toEqual([
      {
        reason: 'R25',
        amount: '1000.00',
        municipal: '1000.00',
        cofinancing: '0.00',
        rowIds: ['r-9'],
        findings: [{ code: 'R25', rowId: 'r-9', message: 'Documentazione mancante alla chiusura della finestra.' }],
      },
    ]);
    expect(prog(r, 'P1').trail.find((t) => t.figure === 'admitted.municipal')).toEqual({
      step: 'C1',
      figure: 'admitted.municipal',
      formula: 'A_c = quota Comune rendicontata − quota Comune esclusa',
      inputs: { rendicontato: '722461.31', escluso: '1000.00' },
      result: '721461.31',
    });
  });

  it('the ATS block has its own C4 trail', () => {
    expect(r.ats.trail.map((t) => [t.step, t.figure])).toEqual([
      ['C4', 'ats.cofinancingShare'],
      ['C4', 'ats.due'],
    ]);
    expect(r.ats.trail[1].result).toBe(r.ats.due);
  });
});

describe('degenerate inputs never throw', () => {
  it('a programme with no budget line and nothing reported gives zeros', () => {
    const r = reconcile({
      agreement,
      year: 2031,
      asOf: '2031-06-01',
      programmes: [{ programme: 'P1', reported: { municipal: m(0), cofinancing: m(0) }, exclusions: [] }],
    });
    expect(r.programmes[0]).toMatchObject({
      budget: { planned: '0.00' },
      contribution: { due: '0.00' },
      cofinancingShare: '0.00',
      toRecover: '0.00',
    });
    expect(r.ats).toMatchObject({ due: '0.00', r20: 'ok' });
  });
});
