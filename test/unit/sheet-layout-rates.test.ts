// The `Riconciliazione` sheet names the agreement's rates (co-financing minimum, tranches), never a
// literal "10%": the shipped agreement's by default, another agreement's when it says otherwise.
import { reconciliationLayout } from '../../shared/reconciliation/sheet-layout';
import { reconciliationFixture } from './addin-po/reconciliation-fixture';

const labels = (layout: ReturnType<typeof reconciliationLayout>) =>
  layout.values.flat().filter((v) => typeof v === 'string');

describe('reconciliation sheet labels and the agreement rates', () => {
  it('the shipped agreement: 10% minimum, tranches 60% and 30% of B', () => {
    const text = labels(reconciliationLayout(reconciliationFixture()));
    expect(text).toContain('Verifica R20 (cofinanziamento ≥ 10%)');
    expect(text).toContain('Prima tranche (T1, 60% di B)');
    expect(text).toContain('Seconda tranche (T2, 30% di B)');
    // Issue 14: the policy is named in Italian (no English "reduce —" in front of a PO).
    expect(text).toContain('riduzione: il contributo si riduce se il cofinanziamento ATS è sotto il 10% (C4)');
  });

  it('an answer without the ATS-wide position (an ordinary partner’s) has no ATS block', () => {
    const withAts = labels(reconciliationLayout(reconciliationFixture()));
    const without = labels(reconciliationLayout({ ...reconciliationFixture(), ats: null }));
    expect(withAts).toContain('ATS — totale dell’anno');
    expect(without).not.toContain('ATS — totale dell’anno');
    expect(without).not.toContain('Verifica R20 (cofinanziamento ≥ 10%)');
    expect(without).toContain('Prima tranche (T1, 60% di B)');
  });

  it('other rates, Italian format: 12,5% minimum, tranches 50% and 40%', () => {
    const fixture = reconciliationFixture();
    const answer = { ...fixture, ats: fixture.ats && { ...fixture.ats, r20: 'error' as const } };
    const text = labels(
      reconciliationLayout(answer, {
        rates: { cofinancingMinRate: '0.125', trancheFirst: '0.50', trancheSecond: '0.40' },
      }),
    );
    expect(text).toContain('Verifica R20 (cofinanziamento ≥ 12,5%)');
    expect(text).toContain('non rispettato: cofinanziamento sotto il 12,5%');
    expect(text).toContain('Prima tranche (T1, 50% di B)');
    expect(text).toContain('Seconda tranche (T2, 40% di B)');
  });

  it('an agreement the product does not ship: labels without a figure', () => {
    const text = labels(reconciliationLayout({ ...reconciliationFixture(), agreement: 'altro-accordo' }));
    expect(text).toContain('Verifica R20 (cofinanziamento minimo)');
    expect(text).toContain('Prima tranche (T1)');
  });
});
