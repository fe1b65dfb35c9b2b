// The Ambito's poverty programme (seed 003) ships as a second agreement: same shape as Crema's,
// one programme with the seed's six lines of action, no approved budget yet, the ATS partners.
import { AgreementSchema } from '../../shared/agreement/agreement-schema';
import { AGREEMENTS, DEFAULT_AGREEMENT_ID, getAgreement } from '../../shared/agreement/agreements';
import data from '../../shared/agreement/data/ambito-poverta-2026-2028.json';

const ID = 'ambito-poverta-2026-2028';

describe('agreement ambito-poverta-2026-2028', () => {
  const ambito = getAgreement(ID)!;
  const crema = getAgreement('crema-2026-2028')!;

  it('parses with AgreementSchema and is registered beside the default one', () => {
    expect(AgreementSchema.safeParse(data).success).toBe(true);
    expect(Object.keys(AGREEMENTS).sort()).toEqual(['ambito-poverta-2026-2028', 'crema-2026-2028']);
    expect(ambito.id).toBe(ID);
    expect(DEFAULT_AGREEMENT_ID).toBe('crema-2026-2028');
  });

  it('has one programme P1 with the actions P1.A1…P1.A6 of the seed', () => {
    expect(ambito.programmes.map((p) => p.id)).toEqual(['P1']);
    const [p1] = ambito.programmes;
    expect(p1.title).toBe("Contrasto alla povertà e all'emarginazione sociale e promozione dell'inclusione attiva");
    expect(p1.actions.map((a) => a.id)).toEqual(['P1.A1', 'P1.A2', 'P1.A3', 'P1.A4', 'P1.A5', 'P1.A6']);
    expect(p1.actions[5].title).toBe('Attivare una riflessione condivisa sul tema del diritto alla residenza');
  });

  it('runs 2026–2028 with no approved budget (the seed gives no figures)', () => {
    expect(ambito.period).toEqual({ start: '2026-01-01', end: '2028-12-31' });
    expect(ambito.years).toEqual([2026, 2027, 2028]);
    expect(ambito.budgets).toEqual([]);
  });

  it('by default has the 20 ATS partners of the Crema agreement, none recovering VAT, and its windows and rules', () => {
    expect(ambito.partners.map((p) => p.id)).toEqual(crema.partners.map((p) => p.id));
    expect(ambito.partners).toHaveLength(20);
    expect(ambito.partners.every((p) => p.vatRecoverable === false)).toBe(true);
    expect(ambito.partners.filter((p) => p.lead).map((p) => p.id)).toEqual(['arcobaleno']);
    expect(ambito.windows).toEqual(crema.windows);
    expect(ambito.rules).toEqual(crema.rules);
  });

  it('says in $comment what comes from the seed and what is a default', () => {
    expect(data.$comment).toMatch(/seed 003/);
    expect(data.$comment).toMatch(/Default/);
  });

  it('finds only own keys: an inherited property name is not an agreement', () => {
    expect(getAgreement('constructor')).toBeUndefined();
    expect(getAgreement('__proto__')).toBeUndefined();
  });
});
