// The draw as the server stores it: frozen population + seed + draw day → sample and requests.
import { getAgreement } from '../../shared/agreement/agreements';
import { Money } from '../../shared/core/money';
import { freezePopulation } from '../../shared/sample/sampling';
import { drawFrozenSample } from '../../shared/sample/sample-draw';

const agreement = getAgreement('crema-2026-2028')!;
const rows = Array.from({ length: 12 }, (_, i) => ({
  rowId: `r-${i}`,
  programme: 'P1',
  taxCode: `PRSN${String(i).padStart(2, '0')}A80A01H501U`,
  month: '2026-03',
  amount: new Money(1000 + i),
}));
const frozen = freezePopulation('crema-2026-2028', 'P1', '2026-H1', rows);
if (!frozen.ok) throw new Error(frozen.error);
const population = frozen.value;

describe('drawFrozenSample', () => {
  it('draws 12 × 10% → 2 persons, each with a request due 30 days after the draw', () => {
    const r = drawFrozenSample(agreement, { population, seed: 'seme pubblico', drawnOn: '2026-10-01' });
    if (!r.ok) throw new Error(r.error);
    expect(r.sample).toMatchObject({
      agreement: 'crema-2026-2028',
      programme: 'P1',
      semester: '2026-H1',
      seed: 'seme pubblico',
      method: 'simple',
      rate: '0.10',
      population: 12,
      n: 2,
      populationHash: population.hash,
      drawnOn: '2026-10-01',
    });
    expect(r.sample.selected.map((s) => [s.rank, s.requestDeadline, s.status])).toEqual([
      [1, '2026-10-31', 'requested'],
      [2, '2026-10-31', 'requested'],
    ]);
    expect(r.outcomes.map((o) => o.personId)).toEqual(r.sample.selected.map((s) => s.personId));
  });

  it('is idempotent: the same inputs give the same sample', () => {
    const a = drawFrozenSample(agreement, { population, seed: 'seme pubblico', drawnOn: '2026-10-01' });
    const b = drawFrozenSample(agreement, { population, seed: 'seme pubblico', drawnOn: '2026-10-01' });
    expect(a).toEqual(b);
  });

  it('refuses a draw before the semester’s windows are locked', () => {
    expect(drawFrozenSample(agreement, { population, seed: 's', drawnOn: '2026-09-30' })).toEqual({
      ok: false,
      error: 'Il semestre 2026-H1 si può estrarre solo dopo la chiusura delle finestre che lo coprono (30/09/2026).',
    });
  });

  it('mus uses the frozen costs', () => {
    const r = drawFrozenSample(agreement, { population, seed: 's', drawnOn: '2026-10-01', method: 'mus' });
    expect(r.ok && r.sample.method).toBe('mus');
    expect(r.ok && r.sample.selected).toHaveLength(2);
  });
});
