// The agreements shipped with the product. Each is a versioned data file validated on load.
import { AgreementSchema, type Agreement } from './agreement';
import crema from './data/crema-2026-2028.json';
import ambitoPoverta from './data/ambito-poverta-2026-2028.json';

export const AGREEMENTS: Readonly<Record<string, Agreement>> = Object.freeze({
  [crema.id]: AgreementSchema.parse(crema),
  [ambitoPoverta.id]: AgreementSchema.parse(ambitoPoverta),
});

export function getAgreement(id: string): Agreement | undefined {
  // Own keys only: "constructor" or "__proto__" is not an agreement.
  return Object.prototype.hasOwnProperty.call(AGREEMENTS, id) ? AGREEMENTS[id] : undefined;
}

export const DEFAULT_AGREEMENT_ID = 'crema-2026-2028';
