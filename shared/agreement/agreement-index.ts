// Normalised lookups of one agreement, built once and reused by every row: programme and action
// cells in any accepted spelling, closed lists of expense types and payment methods.
import type { Agreement } from './agreement';
import { limitsOf } from './agreement';
import { Money, fixedOfMoney } from '../core/money';
import { KeyLookup, leadingKeyOf, normaliseText } from '../core/text-key';

export interface AgreementIndex {
  resolveProgramme(text: string): string | null;
  /** Resolves an action cell; a bare 'A1' / '1' / 'Azione 1' needs the row's programme. */
  resolveAction(text: string, programme: string | null): string | null;
  /** Programme id of an action id ('P1.A2' -> 'P1'). */
  programmeOfAction(actionId: string): string | null;
  eligibleExpense: ReadonlySet<string>;
  ineligibleExpense: ReadonlySet<string>;
  traceablePayment: ReadonlySet<string>;
  ineligiblePayment: ReadonlySet<string>;
  /**
   * What a payment cell's key (normaliseText) names: a listed method or one of its spellings, or
   * such a method followed by its details ("Bonifico n. 123", "bonifico del 15/03/2026", "carta di
   * credito aziendale"), read by its leading words; null for anything else (R10).
   */
  paymentMethod(key: string): 'traceable' | 'ineligible' | null;
  /** R02 bounds (DOMAIN §3) as decimals, so no cell compares against a string it would parse again. */
  amountBelow: Money;
  rowHoursMax: Money;
  /** The same bounds as Fixed (core/fixed), what parseRow compares each figure with. */
  amountBelowFixed: number;
  rowHoursMaxFixed: number;
  /** The agreement's CUP, upper case without spaces; null when it has none. */
  cup: string | null;
}

/** Builds the index of one agreement; a pass over many rows builds it once and passes it on. */
export function agreementIndex(agreement: Agreement): AgreementIndex {
  return buildIndex(agreement);
}

function buildIndex(agreement: Agreement): AgreementIndex {
  const programmes = new Map<string, string>();
  const actionsGlobal = new Map<string, string>();
  const actionsByProgramme = new Map<string, Map<string, string>>();
  const programmeOf = new Map<string, string>();
  for (const p of agreement.programmes) {
    const number = p.id.replace(/^P/i, '');
    for (const key of [p.id, number, `programma ${number}`, `programma ${p.id}`, p.title, ...zeroPadded('P', number)]) {
      programmes.set(normaliseText(key), p.id);
    }
    const local = new Map<string, string>();
    for (const a of p.actions) {
      programmeOf.set(a.id, p.id);
      const short = a.id.slice(a.id.indexOf('.') + 1); // 'A1'
      const n = short.replace(/^A/i, '');
      for (const key of [short, n, `azione ${n}`, `azione ${short}`, a.id, a.title, ...zeroPadded('A', n)])
        local.set(normaliseText(key), a.id);
      actionsGlobal.set(normaliseText(a.id), a.id);
      // A title is unique across the agreement in practice; the first one wins when it is not.
      const titleKey = normaliseText(a.title);
      if (!actionsGlobal.has(titleKey)) actionsGlobal.set(titleKey, a.id);
    }
    actionsByProgramme.set(p.id, local);
  }
  const set = (values: readonly string[]) => new Set(values.map(normaliseText));
  const traceablePayment = withAliases(set(agreement.rules.paymentMethods.traceable), PAYMENT_ALIASES);
  const ineligiblePayment = set(agreement.rules.paymentMethods.ineligible);
  if (ineligiblePayment.has('contanti')) ineligiblePayment.add('contante').add('cassa');

  // Cells are looked up as their keys without building them (KeyLookup): nearly every row asks.
  const programmeKeys = new KeyLookup(programmes);
  const actionKeys = new KeyLookup(actionsGlobal);
  const actionKeysOf = new Map([...actionsByProgramme].map(([id, local]) => [id, new KeyLookup(local)]));
  const programmeOfText = (text: string): string | null => programmeKeys.get(text) ?? null;
  const actionOfText = (text: string, programme: string | null): string | null => {
    if (programme) {
      const local = actionKeysOf.get(programme)?.get(text);
      if (local) return local;
    }
    return actionKeys.get(text) ?? null;
  };
  /** "2.1" as action 1 of programme 2 (null when the agreement has none); undefined for another form. */
  const numberedAction = (code: string): string | null | undefined => {
    const number = NUMBERED_ACTION.exec(code);
    return number ? actionOfText(`P${number[1]}.A${number[2]}`, null) : undefined;
  };
  const programmeTitles = new Map(agreement.programmes.map((p) => [normaliseText(p.title), p.id]));
  const actionTitles = new Map(
    agreement.programmes.flatMap((p) => p.actions.map((a) => [normaliseText(a.title), a.id])),
  );
  const titleOf = new Map(
    agreement.programmes.flatMap((p) => [
      [p.id, normaliseText(p.title)] as const,
      ...p.actions.map((a) => [a.id, normaliseText(a.title)] as const),
    ]),
  );
  return {
    // The cell as a key first (nearly every row); then the forms of drop-downs and documents.
    resolveProgramme: (text) =>
      programmeOfText(text) ?? labelledId(text, PROGRAMME_WORD, programmeOfText, programmeTitles, titleOf),
    resolveAction: (text, programme) => {
      // "1.1" first: as a key it would read "11", which an eleventh action would answer to.
      const numbered = text.indexOf('.') < 0 ? undefined : numberedAction(text.replace(ACTION_WORD, ''));
      if (numbered !== undefined) return numbered;
      const direct = actionOfText(text, programme);
      if (direct) return direct;
      const ofCode = (code: string) => {
        const number = numberedAction(code);
        return number === undefined ? actionOfText(code, programme) : number;
      };
      return labelledId(text, ACTION_WORD, ofCode, actionTitles, titleOf);
    },
    programmeOfAction: (actionId) => programmeOf.get(actionId) ?? null,
    eligibleExpense: withAliases(set(agreement.rules.expenseTypes.eligible), EXPENSE_ALIASES),
    ineligibleExpense: withAliases(set(agreement.rules.expenseTypes.ineligible), EXPENSE_ALIASES),
    traceablePayment,
    ineligiblePayment,
    paymentMethod: (key) => {
      if (ineligiblePayment.has(key)) return 'ineligible';
      if (traceablePayment.has(key)) return 'traceable';
      if (leadingKey(key, ineligiblePayment, 8)) return 'ineligible'; // "contanti alla consegna"
      // A transferable cheque is not the non-transferable one the agreement lists.
      if (key.includes('trasferibile') && !key.includes('nontrasferibile')) return null;
      return leadingKey(key, traceablePayment, 5) ? 'traceable' : null;
    },
    amountBelow: new Money(limitsOf(agreement).amountBelow),
    rowHoursMax: new Money(limitsOf(agreement).rowHoursMax),
    amountBelowFixed: boundFixed(limitsOf(agreement).amountBelow),
    rowHoursMaxFixed: boundFixed(limitsOf(agreement).rowHoursMax),
    cup: agreement.rules.cup.code === null ? null : agreement.rules.cup.code.toUpperCase().replace(/\s/g, ''),
  };
}

/** 'P01', '01' for programme or action 1-9: numbering with a leading zero, as list sheets often do. */
function zeroPadded(letter: string, number: string): string[] {
  return /^[1-9]$/.test(number) ? [`${letter}0${number}`, `0${number}`] : [];
}

/** A method followed by its details; short spellings ("bb", "pos", "rid") count only as the whole cell. */
function leadingKey(key: string, keys: ReadonlySet<string>, shortest: number): boolean {
  return leadingKeyOf(key, keys, shortest) !== undefined;
}

/** A bound as a Fixed; one beyond what a Fixed holds bounds nothing a Fixed can hold (the schema caps it). */
function boundFixed(text: string): number {
  return fixedOfMoney(new Money(text)) ?? Number.POSITIVE_INFINITY;
}

/** Common spellings of the payment methods, by the method's normalised key (see withAliases). */
const PAYMENT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  bonifico: ['bonificobancario', 'bonificosepa', 'bb', 'bonificoonline', 'bonificoistantaneo', 'homebanking'],
  carta: ['cartadicredito', 'cartadidebito', 'bancomat', 'pos', 'cartaprepagata', 'cartaaziendale'],
  ridsdd: [
    'rid',
    'sdd',
    'addebitodiretto',
    'addebitoincontosdd',
    'addebitoinconto',
    'sepadd',
    'addebitosdd',
    'addebitorid',
    'domiciliazione',
    'domiciliazionebancaria',
    // A debit on the current account ("addebito in c/c", "su conto corrente").
    'addebitoincc',
    'addebitosucc',
    'addebitoincontocorrente',
    'addebitosucontocorrente',
  ],
  assegnonontrasferibile: ['assegno', 'assegnocircolare', 'assegnobancario'],
};

/**
 * Common spellings of the agreement's expense types (singular and plural, the short names partners
 * use), by the type's normalised key: a partner's own workbook has no drop-down. They only widen
 * a type the agreement lists, eligible or not.
 */
const EXPENSE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  materialediconsumo: ['materialidiconsumo', 'materialeconsumo', 'benidiconsumo'],
  attrezzatureminute: ['attrezzaturaminuta', 'piccoleattrezzature'],
  alimentari: ['generialimentari', 'alimenti', 'spesealimentari', 'prodottialimentari'],
  materialedidattico: ['materialididattici'],
  servizi: ['servizio'],
  consulenzeeprestazioniprofessionali: [
    'consulenze',
    'consulenza',
    'prestazioniprofessionali',
    'prestazioneprofessionale',
  ],
  trasporti: ['trasporto'],
  utenze: ['utenza'],
  affittielocazioni: ['affitto', 'affitti', 'locazione', 'locazioni', 'canonedilocazione'],
  assicurazioni: ['assicurazione'],
  sanzioniemulte: ['sanzioni', 'sanzione', 'multe', 'multa'],
  omaggieregalie: ['omaggi', 'omaggio', 'regalie', 'regali'],
  interessipassivi: ['interessi'],
  ammortamenti: ['ammortamento'],
  accantonamenti: ['accantonamento'],
};

/** Adds the aliases of the configured keys: they only widen what the agreement allows. */
function withAliases(keys: Set<string>, aliases: Readonly<Record<string, readonly string[]>>): Set<string> {
  for (const [canonical, extra] of Object.entries(aliases)) {
    if (keys.has(canonical)) for (const e of extra) keys.add(e);
  }
  return keys;
}

/** "Programma", "Prog.", "Programma n.", "Programma n°" before the number. */
const PROGRAMME_WORD = /^\s*(?:programma|prog\.?)\s*(?:n\.?|n°|nr\.?)?\s*/i;
/** "Azione", "Az.", "Azione n." before the number. */
const ACTION_WORD = /^\s*(?:azione|az\.?)\s*(?:n\.?|n°|nr\.?)?\s*/i;
/** "1.1", "2.3": programme and action numbered as the agreement's documents number them. */
const NUMBERED_ACTION = /^(\d{1,2})\s*\.\s*(\d{1,2})$/;
/** A code and its title, as drop-downs show them: "P1 - Crema città…", "A1 – Progetto…", "P1: …". */
const CODE_AND_TITLE = /^([^\s:–—-]+(?:\s+[^\s:–—-]+)?)\s*(?:-|–|—|:)\s*(.+)$/;
/**
 * A code and its title with only a space, or the title in brackets: "P1 Crema città…", "P1.A1
 * (Progetto educativo 0-3 anni)", "1.1 Progetto…". The code is one token with a digit.
 */
const CODE_SPACE_TITLE = /^([a-z]{0,2}\s?\d{1,2}(?:\s?\.\s?[a-z]{0,2}\d{1,2})?)\s*(?:\s|\()\s*([^()]+?)\s*\)?$/i;
/** A title as a drop-down may cut it: at least this many characters of its key. */
const TITLE_START_MIN = 6;

/**
 * The id a labelled cell names ("Prog. 1", "Programma n. 1", "P1 - <title>", "P1 <title>"), or
 * null. A code followed by the title of another programme or action names neither: it is not
 * guessed. Without a dash or colon between them the words after the code must be the code's own
 * title or its start ("A1 Progetto educativo"): "P1 famiglie" is not read as P1.
 */
function labelledId(
  text: string,
  word: RegExp,
  ofCode: (code: string) => string | null,
  titles: ReadonlyMap<string, string>,
  titleOf: ReadonlyMap<string, string>,
): string | null {
  const bare = text.replace(word, '');
  const labelled = ofCode(bare);
  if (labelled) return labelled;
  const parts = CODE_AND_TITLE.exec(bare);
  if (parts) {
    const id = ofCode(parts[1]);
    const titled = titles.get(normaliseText(parts[2]));
    if (id && (titled === undefined || titled === id)) return id;
  }
  const spaced = CODE_SPACE_TITLE.exec(bare);
  if (!spaced) return null;
  const id = ofCode(spaced[1]);
  const title = id === null ? undefined : titleOf.get(id);
  const words = normaliseText(spaced[2]);
  const ownTitle =
    title !== undefined && (words === title || (words.length >= TITLE_START_MIN && title.startsWith(words)));
  return ownTitle ? id : null;
}
