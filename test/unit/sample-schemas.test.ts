// Request bodies of the sample routes: rates in the forms a PO types, amounts in Italian format,
// the fields each outcome requires.
import { ConfirmBodySchema, DecisionBodySchema, DrawBodySchema } from '../../shared/contract';

describe('draw body', () => {
  it.each([
    [0.05, '0.05'],
    ['0.10', '0.10'],
    ['0,05', '0.05'],
    ['5%', '0.05'],
    ['7,5 %', '0.075'],
  ])('rate %p → %p', (rate, expected) => {
    expect(DrawBodySchema.parse({ rate }).rate).toBe(expected);
  });
  it('keeps the seed verbatim and refuses a blank one or unknown fields', () => {
    expect(DrawBodySchema.parse({ seed: ' lotto 4 luglio ' }).seed).toBe(' lotto 4 luglio ');
    expect(DrawBodySchema.safeParse({ seed: '   ' }).success).toBe(false);
    expect(DrawBodySchema.safeParse({ method: 'dadi' }).success).toBe(false);
    expect(DrawBodySchema.safeParse({ seeds: 'x' }).success).toBe(false);
    expect(DrawBodySchema.safeParse({ rate: 'dieci' }).success).toBe(false);
  });
});

describe('outcome bodies', () => {
  it('normalises amounts to "1234.50" and requires what each outcome needs', () => {
    expect(DecisionBodySchema.parse({ outcome: 'ammesso_parzialmente', amount: '1.234,5' })).toEqual({
      outcome: 'ammesso_parzialmente',
      amount: '1234.50',
    });
    expect(DecisionBodySchema.safeParse({ outcome: 'ammesso_parzialmente' }).success).toBe(false);
    expect(DecisionBodySchema.safeParse({ outcome: 'ammesso_parzialmente', amount: '12.345' }).success).toBe(false);
    expect(DecisionBodySchema.safeParse({ outcome: 'non_ammesso', reason: '  ' }).success).toBe(false);
    expect(DecisionBodySchema.safeParse({ outcome: 'integrazioni_richieste', deadline: '2026-02-30' }).success).toBe(
      false,
    );
    expect(DecisionBodySchema.parse({ outcome: 'integrazioni_richieste', deadline: '2026-11-15' })).toMatchObject({
      deadline: '2026-11-15',
    });
  });
  it('a revised confirmation carries the amount or the reason it needs', () => {
    expect(ConfirmBodySchema.parse({ confirm: true })).toEqual({ confirm: true });
    expect(ConfirmBodySchema.safeParse({ confirm: true, outcome: 'non_ammesso' }).success).toBe(false);
    expect(ConfirmBodySchema.safeParse({ confirm: true, outcome: 'ammesso_parzialmente' }).success).toBe(false);
    expect(ConfirmBodySchema.parse({ confirm: true, outcome: 'ammesso_parzialmente', amount: 10 })).toMatchObject({
      amount: '10.00',
    });
  });
});
