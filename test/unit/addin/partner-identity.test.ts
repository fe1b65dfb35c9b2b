// The entity a token fixes: only a partner's token with its entity claim locks the selector.
import { lockedPartner } from '../../../addin/app/partner-identity';

describe('lockedPartner', () => {
  it.each([
    [null, null],
    [{ roles: [] }, null],
    [{ roles: ['partner'] }, null],
    [{ roles: ['po'], partner: 'koala' }, null],
    [{ roles: ['partner'], partner: 'koala' }, 'koala'],
  ])('%j → %s', (claims, expected) => {
    expect(lockedPartner(claims)).toBe(expected);
  });
});
