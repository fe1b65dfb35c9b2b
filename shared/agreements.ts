// The agreements shipped with the product. Each is a versioned data file validated on load.
import { AgreementSchema, type Agreement } from './agreement';
import crema from './data/crema-2026-2028.json';

export const AGREEMENTS: Readonly<Record<string, Agreement>> = Object.freeze({
  [crema.id]: AgreementSchema.parse(crema),
});

export function getAgreement(id: string): Agreement | undefined {
  return AGREEMENTS[id];
}

export const DEFAULT_AGREEMENT_ID = 'crema-2026-2028';
