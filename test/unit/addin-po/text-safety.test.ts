import fc from 'fast-check';
import { cleanText, officeTextValue, startsLikeFormula } from '../../../shared/reconciliation/text-safety';

describe('text safety', () => {
  it.each(['=SUM(A1:A3)', '+39 0373 1234', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '=HYPERLINK("http://x","y")'])(
    'treats %j as a formula start and quotes it for Office.js',
    (text) => {
      expect(startsLikeFormula(text)).toBe(true);
      expect(officeTextValue(text)).toBe(`'${text}`);
    },
  );

  it.each(['koala-pers-3', 'Documentazione incompleta', ' =1', "'già quotato", ''])('leaves %j as it is', (text) => {
    expect(startsLikeFormula(text)).toBe(false);
    expect(officeTextValue(text)).toBe(text);
  });

  it('never hands Office.js a string that starts like a formula', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(startsLikeFormula(officeTextValue(text))).toBe(false);
      }),
    );
  });

  it('drops control characters but keeps tabs and line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\td\ne\rf\u007f')).toBe('abc\td\ne\rf');
  });
});
