// The Italian message table covers every rule the engine emits, and wording stays apart from detection.
import { MESSAGES_IT, messageIt } from '../../../shared/findings/messages.it';
import { ROW_RULES, REPORT_RULES } from '../../../shared/findings/findings';

describe('Italian messages', () => {
  it.each([...ROW_RULES, ...REPORT_RULES])('%s has at least one message', (code) => {
    expect(Object.keys(MESSAGES_IT).some((key) => key.startsWith(`${code}.`))).toBe(true);
  });

  it('renders a message from its params', () => {
    expect(messageIt('R01', 'missing', { campo: 'Codice fiscale' })).toBe(
      'Campo obbligatorio mancante: «Codice fiscale».',
    );
  });

  it('falls back to a neutral sentence for an unknown variant instead of throwing', () => {
    expect(messageIt('R09', 'nuova', { campo: 'P.IVA / C.F.' })).toBe('Regola R09 non rispettata («P.IVA / C.F.»).');
  });
});
