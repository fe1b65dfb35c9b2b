// S1–S4 as a specification: the sample of personnel documentation is reproducible by anyone
// holding the frozen population list and the seed.
import { createHash } from 'node:crypto';
import { getAgreement } from '../../shared/agreement/agreements';
import {
  drawSample,
  drawSimple,
  drawKey,
  freezePopulation,
  populationHash,
  sampleSize,
  semesterOf,
  normalisePersonId,
  compareCodePoints,
  semesterLockDate,
  isSemesterDue,
  dueSemesters,
  requestDeadline,
  type PersonnelRowForSample,
} from '../../shared/sample/sampling';
import { Money } from '../../shared/core/money';

const agreement = getAgreement('crema-2026-2028')!;
const SEED = 'estrazione lotto 2026-07-04';
const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const persons37 = Array.from({ length: 37 }, (_, i) => `PRSN${String(i + 1).padStart(2, '0')}A80A01H501U`);
const draw = (persons: string[], extra: Partial<Parameters<typeof drawSample>[0]> = {}) =>
  drawSample({ seed: SEED, agreement: 'crema-2026-2028', programme: 'P1', semester: '2026-H1', persons, ...extra });

describe('S2 sample size n = ceil(rate × N), rate ≤ 10%', () => {
  it('37 persons at 10% → 4 drawn', () => {
    const d = draw(persons37);
    expect(d.ok && [d.population, d.n, d.selected.length]).toEqual([37, 4, 4]);
  });
  it('5 persons → 1 (N ≥ 1 ⇒ n ≥ 1)', () => {
    expect(sampleSize('0.10', 5)).toEqual({ ok: true, value: 1 });
    expect(sampleSize('0.01', 1)).toEqual({ ok: true, value: 1 });
  });
  it('exact multiples are not rounded up: 40 × 10% = 4, 41 × 10% → 5', () => {
    expect(sampleSize('0.10', 40)).toEqual({ ok: true, value: 4 });
    expect(sampleSize('0.10', 41)).toEqual({ ok: true, value: 5 });
    expect(sampleSize('0.05', 37)).toEqual({ ok: true, value: 2 });
    expect(sampleSize(new Money('0.1'), 10)).toEqual({ ok: true, value: 1 });
  });
  it('an empty population draws nobody', () => {
    expect(sampleSize('0.10', 0)).toEqual({ ok: true, value: 0 });
  });
  it('rate 0.11 is refused with an Italian message', () => {
    const r = sampleSize('0.11', 37);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(
      "Il tasso di campionamento 11,00% supera il massimo del 10% del personale previsto dall'accordo (S2).",
    );
    expect(draw(persons37, { rate: '0.11' })).toEqual({
      ok: false,
      error: expect.stringContaining('supera il massimo del 10%'),
    });
  });
  it('rate 0 or text is refused', () => {
    expect(sampleSize('0', 10).ok).toBe(false);
    expect(sampleSize('dieci', 10).ok).toBe(false);
  });
});

describe('S3 simple draw, verifiable with any SHA-256 tool', () => {
  it('same seed + population → the same persons (pinned, and re-derived here with node:crypto)', () => {
    const d = draw(persons37);
    if (!d.ok) throw new Error(d.error);
    const pinned = ['PRSN26A80A01H501U', 'PRSN22A80A01H501U', 'PRSN16A80A01H501U', 'PRSN30A80A01H501U'];
    expect(d.selected.map((s) => s.personId)).toEqual(pinned);
    // Independent derivation straight from DOMAIN S3 with node:crypto.
    const independent = persons37
      .map((id) => ({ id, key: nodeSha(`${SEED}|crema-2026-2028|P1|2026-H1|${id}`) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .slice(0, 4)
      .map((x) => x.id);
    expect(independent).toEqual(pinned);
    expect(d.populationHash).toBe(nodeSha([...persons37].sort().join('\n')));
    expect(d.populationHash).toBe('ecd143870084ad58fd84299db50d47eee139ab790d30cfe337478aee27aea0ba');
    expect(draw([...persons37].reverse())).toEqual(d); // input order does not matter
  });

  it('the key is SHA-256 of "seed|agreement|programme|semester|personId" (DOMAIN example)', () => {
    const example = 'estrazione lotto 2026-07-04|crema-2026-2028|P1|2026-H1|RSSMRA80A01H501U';
    expect(drawKey(SEED, 'crema-2026-2028', 'P1', '2026-H1', 'RSSMRA80A01H501U')).toBe(nodeSha(example));
  });

  it('person ids are tax codes trimmed and upper-cased; duplicates count once', () => {
    expect(normalisePersonId('  rssmra80a01h501u ')).toBe('RSSMRA80A01H501U');
    expect(populationHash(['b', ' A', 'a', 'B'])).toBe(nodeSha('A\nB'));
  });

  it('changing one person id changes the population hash', () => {
    const changed = [...persons37];
    changed[10] = 'PRSN99A80A01H501U';
    expect(populationHash(changed)).not.toBe(populationHash(persons37));
  });

  it('a different seed, programme or semester gives a different draw', () => {
    const base = draw(persons37);
    for (const extra of [{ seed: 'altro seme' }, { programme: 'P2' }, { semester: '2026-H2' }]) {
      const other = draw(persons37, extra);
      expect(other.ok && base.ok && other.selected.map((s) => s.personId)).not.toEqual(
        base.ok && base.selected.map((s) => s.personId),
      );
    }
  });

  it('extension with a larger n keeps the first draw as a prefix', () => {
    const params = {
      seed: SEED,
      agreement: 'crema-2026-2028',
      programme: 'P1',
      semester: '2026-H1',
      persons: persons37,
    };
    const first = drawSimple({ ...params, n: 4 });
    const extended = drawSimple({ ...params, n: 8 });
    expect(extended.slice(0, 4)).toEqual(first);
  });

  it('sorting is by code point (not UTF-16 units)', () => {
    expect(compareCodePoints('\uffff', '😀')).toBeLessThan(0); // '\uffff' > '\ud83d' in UTF-16 units
    expect(compareCodePoints('AB', 'A')).toBeGreaterThan(0);
  });

  it('refuses a malformed semester or an empty seed', () => {
    expect(draw(persons37, { semester: '2026-S1' })).toEqual({
      ok: false,
      error: 'Semestre non valido: usare il formato aaaa-H1 o aaaa-H2.',
    });
    expect(draw(persons37, { seed: '  ' }).ok).toBe(false);
  });
});

describe('S1 population from PERS rows of a programme dated in a semester', () => {
  const rows: PersonnelRowForSample[] = [
    { rowId: 'r1', programme: 'P1', taxCode: 'rssmra80a01h501u', month: '2026-01', amount: new Money('1000.00') },
    { rowId: 'r2', programme: 'P1', taxCode: 'RSSMRA80A01H501U ', month: '2026-06', amount: new Money('500.50') },
    { rowId: 'r3', programme: 'P1', taxCode: 'VRDLGU75B12D150K', month: '2026-07', amount: new Money('900') }, // H2
    { rowId: 'r4', programme: 'P2', taxCode: 'BNCNNA90C41F205X', month: '2026-03', amount: new Money('700') }, // other programme
    { rowId: 'r5', programme: 'P1', taxCode: 'BNCNNA90C41F205X', month: '2026-03-15', amount: new Money('300') },
  ];
  it('keeps distinct persons of the programme and semester, with their cost and rows', () => {
    const pop = freezePopulation('crema-2026-2028', 'P1', '2026-H1', rows);
    if (!pop.ok) throw new Error(pop.error);
    expect(pop.value.persons).toEqual(['BNCNNA90C41F205X', 'RSSMRA80A01H501U']);
    expect(pop.value.hash).toBe(nodeSha('BNCNNA90C41F205X\nRSSMRA80A01H501U'));
    expect(pop.value.costs).toEqual({ BNCNNA90C41F205X: '300.00', RSSMRA80A01H501U: '1500.50' });
    expect(pop.value.rowIds).toEqual({ BNCNNA90C41F205X: ['r5'], RSSMRA80A01H501U: ['r1', 'r2'] });
  });
  it('semesterOf: Jan–Jun → H1, Jul–Dec → H2', () => {
    expect(['2026-01', '2026-06-30', '2026-07-01', '2026-12'].map(semesterOf)).toEqual([
      '2026-H1',
      '2026-H1',
      '2026-H2',
      '2026-H2',
    ]);
  });
});

describe('S4 due dates from the agreement windows (Europe/Rome calendar days)', () => {
  it('H1 locks on 30 Sep, H2 on 31 Jan of the next year', () => {
    expect(semesterLockDate(agreement, '2026-H1')).toBe('2026-09-30');
    expect(semesterLockDate(agreement, '2026-H2')).toBe('2027-01-31');
  });
  it('a semester is due only after its lock day', () => {
    expect(isSemesterDue(agreement, '2026-H1', '2026-09-30')).toBe(false);
    expect(isSemesterDue(agreement, '2026-H1', '2026-10-01')).toBe(true);
    expect(isSemesterDue(agreement, '2026-H2', '2027-01-31')).toBe(false);
    expect(isSemesterDue(agreement, '2026-H2', '2027-02-01')).toBe(true);
  });
  it('the timer sees every due semester of the agreement years', () => {
    expect(dueSemesters(agreement, '2026-06-01')).toEqual([]);
    expect(dueSemesters(agreement, '2027-02-01')).toEqual(['2026-H1', '2026-H2']);
  });
  it('request deadline = draw date + requestDays (30 by default)', () => {
    expect(requestDeadline(agreement, '2026-10-01')).toBe('2026-10-31');
  });
});
