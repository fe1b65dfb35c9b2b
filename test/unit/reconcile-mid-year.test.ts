// Mid-year reconciliation (DOMAIN §9 read during the year): figures to date, nothing "da
// recuperare" before the year closes, and a year-end projection labelled as such.
import { getAgreement } from '../../shared/agreement/agreements';
import { Money, roundCents } from '../../shared/core/money';
import { reconcile, type ProgrammeReconciliationInput } from '../../shared/reconciliation/reconcile';
import { reconciliationLayout } from '../../shared/reconciliation/sheet-layout';

const agreement = getAgreement('crema-2026-2028')!;
const m = (s: string) => new Money(s);
// P1 half way: 2 July 2026 is day 183 of 365; the partners reported half of B and 12% co-financing.
const programmes: ProgrammeReconciliationInput[] = [
  { programme: 'P1', reported: { municipal: m('361230.65'), cofinancing: m('43347.68') }, exclusions: [] },
];
const run = (asOf: string) => reconcile({ agreement, year: 2026, asOf, programmes });

describe('reconciliation during the year', () => {
  const during = run('2026-07-02');
  const p1 = during.programmes[0];

  it('shows the figures to date and no amount to recover', () => {
    expect(during.phase).toBe('during');
    expect(p1.admitted.total).toBe('404578.33');
    expect(p1.toRecover).toBe('0.00');
    expect(p1.trail.find((t) => t.figure === 'toRecover')?.formula).toMatch(/solo a chiusura dell'anno/);
  });

  it('projects the year end linearly from the days elapsed', () => {
    const factor = m('365').div(183);
    expect(p1.projection).toMatchObject({ basis: 'linear', yearElapsed: '50.14' });
    expect(p1.projection?.admitted.municipal).toBe(roundCents(m('361230.65').times(factor)).toFixed(2));
    // At this pace the year ends close to the plan: no recovery foreseen, co-financing above 10%.
    expect(p1.projection?.toRecover).toBe('0.00');
    expect(Number(p1.projection?.cofinancingShare)).toBeGreaterThan(10);
  });

  it('labels the projection in the sheet, and "da recuperare" as a year-close figure', () => {
    const labels = reconciliationLayout(during).values.map((r) => r[0]);
    expect(labels).toContain('Da recuperare (solo a chiusura dell’anno)');
    expect(labels).toContain('Proiezione a fine anno — da recuperare (stima)');
    expect(labels).not.toContain('Da recuperare');
  });

  it('at year close keeps C5 as it is and projects nothing', () => {
    const closed = run('2027-02-01').programmes[0];
    expect(closed.projection).toBeUndefined();
    expect(closed.toRecover).toBe(roundCents(m('722461.31').times('0.9')).minus(closed.contribution.due).toFixed(2));
    expect(reconciliationLayout(run('2027-02-01')).values.map((r) => r[0])).toContain('Da recuperare');
  });
});
