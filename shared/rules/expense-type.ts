// R14: Tipo spesa is a closed list; an ineligible type is R14, a value in neither list is R01.
import type { RowRule } from './env';
import type { ParsedRow } from '../rows/rows';
import type { AgreementIndex } from '../agreement/agreement-index';
import { normaliseText, textOf } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';

const preview = (row: ParsedRow): string => cellPreview(row.input.expenseType);

type Listing = 'eligible' | 'ineligible' | null;

export const checkExpenseType: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (v.expenseType === null) return;
  const listing = listingOf(v.expenseType, env.index) ?? listingBeforeDetails(row, env.index);
  // The cell is read again only for a finding: most rows hold a listed type and need no preview.
  if (listing === 'ineligible') {
    out.push(rowFinding(row, 'R14', 'error', 'expenseType', 'ineligible', { valore: preview(row) }));
  } else if (listing === null) {
    out.push(
      rowFinding(row, 'R01', 'error', 'expenseType', 'expenseTypeUnknown', {
        valore: preview(row),
        ammessi: env.agreement.rules.expenseTypes.eligible.join(', '),
      }),
    );
  }
};

function listingOf(key: string, index: AgreementIndex): Listing {
  if (index.ineligibleExpense.has(key)) return 'ineligible';
  return index.eligibleExpense.has(key) ? 'eligible' : null;
}

/**
 * A type written with its details, read only for a cell that is not a listed type as a whole: in
 * brackets ("Utenze (luce, gas)", "Omaggi (Natale)"), after it ("Materiale di consumo vario",
 * "Utenze elettriche", "Interessi passivi bancari": the longest run of leading words that is a
 * type), or after "spese di", "acquisto di" ("Spese di trasporto", "Acquisto materiale didattico").
 */
function listingBeforeDetails(row: ParsedRow, index: AgreementIndex): Listing {
  const text = textOf(row.input.expenseType) ?? '';
  const open = text.indexOf('(');
  if (open > 0 && text.charCodeAt(text.length - 1) === 41) return listingOf(normaliseText(text.slice(0, open)), index);
  if (text.length > MAX_DETAILED_CELL) return null;
  const words = wordsOf(text);
  const spent = SPENDING_WORDS.has(words[0]) ? (CONNECTORS.has(words[1]) ? 2 : 1) : 0;
  return leadingListing(words, 0, index) ?? (spent > 0 ? leadingListing(words, spent, index) : null);
}

/** The listing of the longest run of words from `from` that is a type (the whole run included). */
function leadingListing(words: readonly string[], from: number, index: AgreementIndex): Listing {
  for (let end = words.length; end > from; end--) {
    const listing = listingOf(normaliseText(words.slice(from, end).join('')), index);
    if (listing !== null) return listing;
  }
  return null;
}

const MAX_DETAILED_CELL = 120;
const WORD_GAPS = /[\s\-–—/,;:.]+/;
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_GAPS)
    .filter((w) => w !== '');
}
/** Words that say "spending on" before the type, and the connector that may follow them. */
const SPENDING_WORDS: ReadonlySet<string> = new Set(['spese', 'spesa', 'costi', 'costo', 'acquisto', 'acquisti']);
const CONNECTORS: ReadonlySet<string> = new Set(['di', 'per', 'da', 'del', 'dello', 'della', 'dei', 'degli', 'delle']);
