// The pane works on the agreement its URL asks for (?agreement=<id>), the default one otherwise.
import { agreementFromSearch } from '../../../addin/app/agreement-choice';

describe('agreementFromSearch', () => {
  it('picks a shipped agreement by id', () => {
    expect(agreementFromSearch('?agreement=ambito-poverta-2026-2028').id).toBe('ambito-poverta-2026-2028');
    expect(agreementFromSearch('?today=2026-10-20&agreement=crema-2026-2028').id).toBe('crema-2026-2028');
  });

  it('falls back to the default agreement when the id is missing, empty or unknown', () => {
    for (const search of ['', '?agreement=', '?agreement=altro', '?agreement=constructor', '?today=2026-10-20']) {
      expect(agreementFromSearch(search).id).toBe('crema-2026-2028');
    }
  });
});
