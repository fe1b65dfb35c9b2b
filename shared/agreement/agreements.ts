// The agreements shipped with the product: versioned data files, complete (every default of the
// schema written out). They are checked against AgreementSchema by
// test/unit/agreements-shipped.test.ts rather than at every start, so reading them loads no zod
// (the CLI's start-up and a cold Function pay for neither zod nor a parse).
import type { Agreement } from './agreement';
import crema from './data/crema-2026-2028.json';
import ambitoPoverta from './data/ambito-poverta-2026-2028.json';

/** The agreement of a data file: its `$comment` is for whoever edits the file, not part of it. */
export function shippedAgreement(file: object): Agreement {
  const { $comment: _comment, ...agreement } = file as { $comment?: string } & Agreement;
  return agreement;
}

export const AGREEMENTS: Readonly<Record<string, Agreement>> = Object.freeze({
  [crema.id]: shippedAgreement(crema),
  [ambitoPoverta.id]: shippedAgreement(ambitoPoverta),
});

export function getAgreement(id: string): Agreement | undefined {
  // Own keys only: "constructor" or "__proto__" is not an agreement.
  return Object.prototype.hasOwnProperty.call(AGREEMENTS, id) ? AGREEMENTS[id] : undefined;
}

export const DEFAULT_AGREEMENT_ID = 'crema-2026-2028';
