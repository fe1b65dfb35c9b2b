// Which shipped agreement the pane works on. The product is multi-agreement: the pane URL may ask
// for one with `?agreement=<id>` (a second manifest or a bookmark for the Ambito's programme);
// an unknown or missing id falls back to the default, so an old URL keeps working.
import type { Agreement } from '../../shared/agreement/agreement';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../../shared/agreement/agreements';

export function agreementFromSearch(search: string): Agreement {
  const asked = new URLSearchParams(search).get('agreement')?.trim();
  return (asked && getAgreement(asked)) || (getAgreement(DEFAULT_AGREEMENT_ID) as Agreement);
}
