// Every sentence a partner or PO reads about a finding, keyed by rule code and variant. Rules only
// choose code, variant and params; the wording lives here (as zod's locales do). Each template
// declares the params it reads: the key's params type is the finding's params (findings.ts derives
// the discriminated union from this table), Italian display strings under Italian keys
// ("1.234,50 €", "9,62%"), wire figures a program needs under English keys ("1234.50").
// Percentages are the configured rates (never a literal "10%") in the Italian format.

import { isExcelError } from '../core/excel-error';

/** The loose shape any params object has on the wire. */
export type MessageParams = Record<string, string | number>;

/** Row findings name the cell's column header (added by rules/emit.ts from the field). */
type Cell = { campo: string };
type CellValue = Cell & { valore: string };
type NumberCell = CellValue & { decimali: number };
/** R02 bounds: the limit as the message says it ("inferiore a 10.000.000,00 €", "al massimo 744 ore"). */
type BoundedCell = NumberCell & { limite: string };
type SplitCell = Cell & { importo: string; quotaComune: string; quotaCofinanziamento: string };
type ShareAbove = Cell & { importo: string; quota: string };
type MonthlyHours = Cell & { ore: string; limite: string; mese: string };
type DoubleFunding = Cell & { fattura: string; data: string; totale: string; totaleFattura: string; righe: number };
type MissingDocuments = Cell & { mancanti: string };
type LockedWindow = { finestra: string; chiusura: string };
type LockedCell = Cell & LockedWindow;
/** R20/R21/R22/R23 carry the wire figures too (municipal, cofinancing, excess… as "1234.50"). */
type CofinancingFigures = {
  cofinanziamento: string;
  quotaComune: string;
  quota: string;
  minimo: string;
  municipal: string;
  cofinancing: string;
};
type ProgrammeCofinancing = CofinancingFigures & { programma: string };
type AtsCofinancing = CofinancingFigures;
/** R20 as reconciliation states it (C4): shares in wire format ("9.57", "10.00"). */
type ReconciledShare = { share: string; minimum: string };
type GeneralCosts = {
  speseGenerali: string;
  tetto: string;
  base: string;
  aliquota: string;
  eccedenza: string;
  excess: string;
  cap: string;
  general: string;
};
type BudgetExcess = {
  programma: string;
  rendicontato: string;
  budgetApprovato: string;
  eccedenza: string;
  reported: string;
  budget: string;
  excess: string;
};
type ProgressBase = { programma: string; anno: number; trascorso: string; righeEscluse: number };
type Progress = ProgressBase & {
  rendicontato: string;
  budgetApprovato: string;
  avanzamento: string;
  cofinanziamento: string;
  reported: string;
  cofinancing: string;
};
type NoParams = Record<never, never>;

/** "9.57" (wire share, percent) → "9,57%". */
const percentIt = (share: string): string => `${share.replace('.', ',')}%`;

// A share typed as a percentage ("10%") is the commonest text in a figure cell, an error of the
// cell's formula ("#DIV/0!", "#RIF!") the commonest computed one: say what to do about each.
const NOT_A_NUMBER = (p: CellValue) =>
  `«${p.campo}»: il valore «${p.valore}» non è un numero${notANumberHint(p.valore)}`;
const notANumberHint = (value: unknown): string => {
  const text = String(value).trim();
  if (text.endsWith('%')) return ' (è una percentuale: scrivere la cifra, in euro o in ore, non la percentuale)';
  return isExcelError(text)
    ? ' (è un errore della formula della cella: correggere la formula o scrivere la cifra)'
    : '';
};
// A cell Excel keeps as a date or a time of day, in a field of numbers: most often hours typed as
// hours and minutes (37:30 in a cell formatted [h]:mm), which Excel stores as a fraction of a day.
const DATE_NOT_A_NUMBER = (p: CellValue) =>
  `«${p.campo}»: la cella contiene una data o un orario («${p.valore}»), non un numero; se sono ore e minuti (per esempio 37:30), scriverle come numero decimale (37,5) in una cella in formato Numero`;
// Inside Excel the pane reads the number of a time cell, not its format (rules/hours-as-time.ts).
type HoursAsTimeParams = { durata: string; oreDecimali: string };
const HOURS_AS_TIME = (p: HoursAsTimeParams) =>
  `sembra un orario in ore e minuti (${p.durata}, che Excel conserva come frazione di giorno): scrivere le ore come numero decimale (${p.oreDecimali}) in una cella in formato Numero`;
const NEGATIVE = (p: CellValue) => `«${p.campo}»: il valore non può essere negativo (${p.valore})`;
// A credit note typed as a row of its own, with negative figures: the rulebook wants figures >= 0,
// and what the partner spent is the invoice net of the note (R11 and R12 read it on that row).
const CREDIT_NOTE =
  ": se è una nota di credito, non va rendicontata su una riga a parte: ridurre l'importo rendicontato sulla riga della fattura a cui si riferisce";
// A month typed where a day is needed (an overhead cost "ottobre 2026"): which day is the partner's
// to say, the product does not pick the first or the last.
const MONTH_NOT_DATE = (p: CellValue) =>
  `«${p.campo}»: «${p.valore}» è un mese, non una data: indicare il giorno (gg/mm/aaaa)`;
const DECIMALS = (p: NumberCell) => `«${p.campo}»: al massimo ${p.decimali ?? 2} decimali (${p.valore})`;
const EXCLUDED = '; la riga è esclusa dai totali finché non è corretto.';
const EXPONENT = (p: CellValue) =>
  `«${p.campo}»: il valore «${p.valore}» è in notazione esponenziale, non è un importo (scriverlo per esteso)`;
const DIGITS = (p: CellValue) =>
  `«${p.campo}»: il valore «${p.valore}» ha più di 15 cifre significative, non è un importo`;
const TOO_LARGE = (p: BoundedCell) => `«${p.campo}»: il valore deve essere ${p.limite} (${p.valore})`;

export const MESSAGES_IT = {
  'R01.category': (p: CellValue) =>
    `Categoria di spesa non riconosciuta («${p.valore}»): usare PERS, BENI, SERV, GEN o COFIN.`,
  'R01.missing': (p: Cell) => `Campo obbligatorio mancante: «${p.campo}».`,
  'R01.unreadable': (p: Cell) => `«${p.campo}»: il contenuto della cella non è leggibile come testo.`,
  'R01.notInList': (p: CellValue & { ammessi: string }) =>
    `«${p.campo}»: valore «${p.valore}» non previsto; valori ammessi: ${p.ammessi}.`,
  'R01.expenseTypeUnknown': (p: CellValue & { ammessi: string }) =>
    `«${p.campo}»: tipo di spesa «${p.valore}» non presente nell'elenco; tipi ammessi: ${p.ammessi}.`,

  'R02.not_a_number': (p: NumberCell) => `${NOT_A_NUMBER(p)}.`,
  'R02.not_a_number.excluded': (p: NumberCell) => `${NOT_A_NUMBER(p)}${EXCLUDED}`,
  'R02.date_not_a_number': (p: NumberCell) => `${DATE_NOT_A_NUMBER(p)}.`,
  'R02.date_not_a_number.excluded': (p: NumberCell) => `${DATE_NOT_A_NUMBER(p)}${EXCLUDED}`,
  'R02.negative': (p: NumberCell) => `${NEGATIVE(p)}.`,
  'R02.negative.excluded': (p: NumberCell) => `${NEGATIVE(p)}${EXCLUDED}`,
  'R02.negative_invoice.excluded': (p: NumberCell) => `${NEGATIVE(p)}${CREDIT_NOTE}${EXCLUDED}`,
  'R02.too_many_decimals': (p: NumberCell) => `${DECIMALS(p)}.`,
  'R02.too_many_decimals.excluded': (p: NumberCell) => `${DECIMALS(p)}${EXCLUDED}`,
  'R02.too_many_decimals_time': (p: NumberCell & HoursAsTimeParams) => `${DECIMALS(p)}; il valore ${HOURS_AS_TIME(p)}.`,
  'R02.exponent': (p: NumberCell) => `${EXPONENT(p)}.`,
  'R02.exponent.excluded': (p: NumberCell) => `${EXPONENT(p)}${EXCLUDED}`,
  'R02.too_many_digits': (p: NumberCell) => `${DIGITS(p)}.`,
  'R02.too_many_digits.excluded': (p: NumberCell) => `${DIGITS(p)}${EXCLUDED}`,
  'R02.too_large': (p: BoundedCell) => `${TOO_LARGE(p)}.`,
  'R02.too_large.excluded': (p: BoundedCell) => `${TOO_LARGE(p)}${EXCLUDED}`,
  'R02.split': (p: SplitCell) =>
    `Quota Comune (${p.quotaComune}) e quota cofinanziamento (${p.quotaCofinanziamento}) non sommano all'importo (${p.importo})${EXCLUDED}`,
  'R02.shareAbove': (p: ShareAbove) =>
    `«${p.campo}» (${p.quota}) supera l'importo (${p.importo}) e la quota lasciata vuota resterebbe negativa${EXCLUDED}`,

  'R03.invalidDate': (p: CellValue) => `«${p.campo}»: «${p.valore}» non è una data valida (usare gg/mm/aaaa).`,
  'R03.monthNotDate': (p: CellValue) => `${MONTH_NOT_DATE(p)}, per esempio la data del documento.`,
  'R03.severalDates': (p: CellValue) =>
    `«${p.campo}»: la cella contiene più date («${p.valore}»): ogni riga ha una sola data (usare gg/mm/aaaa).`,
  'R03.invalidMonth': (p: CellValue) =>
    `«${p.campo}»: «${p.valore}» non è un mese valido (usare mm/aaaa, «marzo 2026» o una data del mese).`,
  'R03.outsidePeriod': (p: Cell & { inizio: string; fine: string }) =>
    `«${p.campo}»: la data è fuori dal periodo dell'accordo (${p.inizio} – ${p.fine}).`,
  'R03.otherYear': (p: Cell & { anno: number }) =>
    `«${p.campo}»: la data non è nell'anno ${p.anno} della rendicontazione.`,
  'R03.future': (p: Cell & { data: string; oggi: string }) =>
    `«${p.campo}»: la data ${p.data} è successiva a oggi (${p.oggi}); una spesa non ancora sostenuta o pagata non si rendiconta.`,

  'R04.programmeUnknown': (p: CellValue) => `«${p.campo}»: programma «${p.valore}» non presente nell'accordo.`,
  'R04.otherProgramme': (p: Cell & { programma: string; programmaInvio: string }) =>
    `«${p.campo}»: la riga è del programma ${p.programma}, ma questa rendicontazione è del programma ${p.programmaInvio}.`,
  'R04.actionUnknown': (p: CellValue) => `«${p.campo}»: azione «${p.valore}» non presente nell'accordo.`,
  'R04.actionOtherProgramme': (p: Cell & { azione: string; programma: string }) =>
    `«${p.campo}»: l'azione ${p.azione} non appartiene al programma ${p.programma}.`,

  'R05.product': (p: Cell & { importo: string; ore: string; costoOrario: string; atteso: string }) =>
    `«${p.campo}»: ${p.importo} diverso da ore × costo orario (${p.ore} × ${p.costoOrario} = ${p.atteso}).`,
  'R05.productHoursAsTime': (
    p: Cell & HoursAsTimeParams & { importo: string; ore: string; costoOrario: string; atteso: string },
  ) =>
    `«${p.campo}»: l'importo ${p.importo} non è ore × costo orario (${p.ore} × ${p.costoOrario} = ${p.atteso}); il valore ${p.ore} ${HOURS_AS_TIME(p)}.`,
  'R05.split': (p: SplitCell) =>
    `Quota Comune (${p.quotaComune}) e quota cofinanziamento (${p.quotaCofinanziamento}) non sommano all'importo (${p.importo})${EXCLUDED}`,
  'R05.shareAbove': (p: ShareAbove) =>
    `«${p.campo}» (${p.quota}) supera l'importo (${p.importo}) e la quota lasciata vuota resterebbe negativa${EXCLUDED}`,

  'R06.aboveReference': (p: Cell & { costoOrario: string; riferimento: string; livello: string; dal: string }) =>
    `«${p.campo}»: costo orario ${p.costoOrario} € superiore al costo medio ministeriale del livello ${p.livello} (${p.riferimento} €, in vigore da ${p.dal}).`,
  'R06.referenceMissing': (p: Cell & { livello: string; mese: string }) =>
    `«${p.campo}»: manca il costo medio ministeriale di riferimento per il livello ${p.livello} a ${p.mese}; confronto non eseguito.`,

  'R07.default': (p: MonthlyHours) =>
    `«${p.campo}»: la stessa persona ha ${p.ore} ore a ${p.mese}, oltre le ${p.limite} ore mensili da contratto.`,
  'R07.withOthers': (p: MonthlyHours) =>
    `«${p.campo}»: la stessa persona ha ${p.ore} ore a ${p.mese} contando anche gli altri programmi, oltre le ${p.limite} ore mensili da contratto.`,

  'R08.annualMethod': (p: Cell & { costoOrario: string; calcolato: string; oreAnnue: string }) =>
    `«${p.campo}»: costo orario ${p.costoOrario} € diverso da quello calcolato col metodo annuo (costo annuo / ${p.oreAnnue} ore = ${p.calcolato} €).`,

  'R09.vat': (p: Cell) => `«${p.campo}»: partita IVA non valida (11 cifre con cifra di controllo).`,
  'R09.taxCode': (p: Cell) => `«${p.campo}»: codice fiscale non valido (16 caratteri con carattere di controllo).`,

  'R10.invalidDate': (p: CellValue) => `«${p.campo}»: «${p.valore}» non è una data valida (usare gg/mm/aaaa).`,
  'R10.monthNotDate': (p: CellValue) => `${MONTH_NOT_DATE(p)} del pagamento.`,
  'R10.severalDates': (p: CellValue) =>
    `«${p.campo}»: la cella contiene più date («${p.valore}»): indicare la data dell'ultimo pagamento, oppure una riga per pagamento.`,
  'R10.beforeInvoice': (p: Cell & { pagamento: string; fattura: string }) =>
    `«${p.campo}»: pagamento del ${p.pagamento} anteriore alla fattura del ${p.fattura}.`,
  'R10.ineligible': (p: CellValue) =>
    `«${p.campo}»: pagamento in «${p.valore}» non ammissibile (serve un pagamento tracciabile).`,
  // A method the list does not name may well be traceable ("c/c bancario"): say what to write.
  'R10.notTraceable': (p: CellValue & { ammessi: string }) =>
    `«${p.campo}»: modalità «${p.valore}» non riconosciuta tra i pagamenti tracciabili; indicare una di: ${p.ammessi}.`,

  'R11.taxableMissing': (p: Cell) => `«${p.campo}»: l'ente recupera l'IVA, indicare l'imponibile della fattura.`,
  'R11.aboveTaxable': (p: Cell & { importo: string; imponibile: string }) =>
    `«${p.campo}»: l'ente recupera l'IVA, l'importo rendicontato (${p.importo}) supera l'imponibile (${p.imponibile}).`,
  'R11.aboveTotal': (p: Cell & { importo: string; totaleFattura: string }) =>
    `«${p.campo}»: l'importo rendicontato (${p.importo}) supera il totale della fattura (${p.totaleFattura}).`,

  'R12.default': (p: DoubleFunding) =>
    `«${p.campo}»: la fattura n. ${p.fattura} del ${p.data} è rendicontata in ${p.righe} righe per ${p.totale}, oltre il totale fattura di ${p.totaleFattura} (doppio finanziamento).`,
  'R12.withOthers': (p: DoubleFunding) =>
    `«${p.campo}»: la fattura n. ${p.fattura} del ${p.data} è rendicontata in ${p.righe} righe, anche in altri programmi, per ${p.totale}, oltre il totale fattura di ${p.totaleFattura} (doppio finanziamento).`,

  'R13.absent': (p: Cell & { cup: string }) => `«${p.campo}»: la fattura non riporta il CUP ${p.cup}.`,
  'R13.otherCup': (p: Cell & { cup: string; indicato: string }) =>
    `«${p.campo}»: il CUP indicato (${p.indicato}) non è quello della convenzione (${p.cup}).`,
  'R13.unstated': (p: Cell & { cup: string }) =>
    `«${p.campo}»: indicare se la fattura riporta il CUP ${p.cup} (sì/no).`,

  'R14.ineligible': (p: CellValue) => `«${p.campo}»: «${p.valore}» è una spesa non ammissibile.`,

  'R15.live': (p: MissingDocuments) =>
    `«${p.campo}»: mancano i documenti richiesti: ${p.mancanti}. Vanno indicati prima della chiusura della finestra.`,
  'R15.atLock': (p: MissingDocuments) =>
    `«${p.campo}»: alla chiusura della finestra mancano i documenti richiesti: ${p.mancanti}.`,

  'R16.municipal': (p: Cell) =>
    `«${p.campo}»: le ore di volontariato sono solo cofinanziamento, non possono gravare sulla quota Comune.`,
  'R16.aboveReference': (p: Cell & { valoreOrario: string; riferimento: string; livello: string }) =>
    `«${p.campo}»: valore orario ${p.valoreOrario} € superiore al costo ministeriale del livello ${p.livello} (${p.riferimento} €).`,
  'R16.referenceMissing': (p: Cell & { livello: string; mese: string }) =>
    `«${p.campo}»: manca il costo ministeriale del livello ${p.livello} a ${p.mese}; valore orario non verificato.`,

  'R17.missing': (_p: Cell) => `ID riga mancante: la riga non può essere identificata.`,
  'R17.duplicate': (p: Cell & { count: number }) =>
    `ID riga ripetuto in ${p.count} righe: ogni riga deve avere un ID diverso.`,

  'R20.programme': (p: ProgrammeCofinancing) =>
    `Programma ${p.programma}: cofinanziamento ${p.cofinanziamento} pari al ${p.quota} della quota Comune (${p.quotaComune}), sotto il minimo del ${p.minimo} (l'obbligo vale sul totale dell'ATS).`,
  'R20.ats': (p: AtsCofinancing) =>
    `ATS: cofinanziamento ${p.cofinanziamento} pari al ${p.quota} del contributo comunale (${p.quotaComune}), sotto il minimo del ${p.minimo}.`,

  'R21.direct': (p: GeneralCosts) =>
    `Spese generali ${p.speseGenerali} oltre il tetto del ${p.aliquota} dei costi diretti ammissibili (${p.base}): tetto ${p.tetto}, eccedenza esclusa ${p.eccedenza}.`,
  'R21.personnel': (p: GeneralCosts) =>
    `Spese generali ${p.speseGenerali} oltre il tetto del ${p.aliquota} dei costi diretti del personale (${p.base}): tetto ${p.tetto}, eccedenza esclusa ${p.eccedenza}.`,

  'R22.programme': (p: BudgetExcess) =>
    `Programma ${p.programma}: quota Comune rendicontata ${p.rendicontato} oltre il budget approvato (${p.budgetApprovato}) di ${p.eccedenza}.`,
  'R22.action': (p: BudgetExcess & { azione: string }) =>
    `Azione ${p.azione}: quota Comune rendicontata ${p.rendicontato} oltre il budget approvato (${p.budgetApprovato}) di ${p.eccedenza}.`,
  'R22.category': (p: BudgetExcess & { categoria: string }) =>
    `Categoria ${p.categoria} del programma ${p.programma}: quota Comune rendicontata ${p.rendicontato} oltre il budget approvato (${p.budgetApprovato}) di ${p.eccedenza}.`,
  'R22.noBudget': (p: { programma: string; anno: number }) =>
    `Programma ${p.programma}: nessuna versione di budget approvata per l'anno ${p.anno}; il confronto con il budget non è applicabile.`,
  'R22.noBudgetLine': (p: { programma: string; anno: number; versione: number }) =>
    `Programma ${p.programma}: la versione ${p.versione} del budget ${p.anno} non ha una riga per il programma; il confronto con il budget non è applicabile.`,

  'R23.progress': (p: Progress) =>
    `Programma ${p.programma}, anno ${p.anno}: rendicontati ${p.rendicontato} su ${p.budgetApprovato} (${p.avanzamento}); trascorso il ${p.trascorso} dell'anno. Cofinanziamento: ${p.cofinanziamento}.`,
  'R23.progress.excluded': (p: Progress) =>
    `Programma ${p.programma}, anno ${p.anno}: rendicontati ${p.rendicontato} su ${p.budgetApprovato} (${p.avanzamento}); trascorso il ${p.trascorso} dell'anno. Cofinanziamento: ${p.cofinanziamento}. Righe escluse dai totali per errori: ${p.righeEscluse}.`,
  'R23.noBudget': (p: ProgressBase) =>
    `Programma ${p.programma}: nessun budget approvato per l'anno ${p.anno}; trascorso il ${p.trascorso} dell'anno.`,
  'R23.noBudget.excluded': (p: ProgressBase) =>
    `Programma ${p.programma}: nessun budget approvato per l'anno ${p.anno}; trascorso il ${p.trascorso} dell'anno. Righe escluse dai totali per errori: ${p.righeEscluse}.`,

  'R24.locked': (p: LockedCell) =>
    `«${p.campo}»: la finestra ${p.finestra} è chiusa dal ${p.chiusura}; non si possono aggiungere spese retroattive.`,
  'R24.added': (p: LockedCell) =>
    `«${p.campo}»: la finestra ${p.finestra} è chiusa dal ${p.chiusura}; la riga è nuova e non può essere aggiunta.`,
  'R24.changed': (p: LockedCell) =>
    `«${p.campo}»: la finestra ${p.finestra} è chiusa dal ${p.chiusura}; la riga già inviata non può essere modificata.`,
  // `dove`: where the row was when it was sent (sheet, row, date), since it is not in this file.
  'R24.removed': (p: LockedWindow & { dove?: string }) =>
    (p.dove ? `Riga già inviata (${p.dove}) assente dal file: l` : 'L') +
    `a finestra ${p.finestra} è chiusa dal ${p.chiusura}; una riga già inviata non può essere eliminata e resta com'era.`,

  'R25.excluded': (p: MissingDocuments) =>
    `Spesa esclusa dal calcolo del rimborso: documentazione mancante alla chiusura della finestra (${p.mancanti}).`,

  // R20 as the reconciliation judges it (C4: admitted co-financing over D2), shares from the answer.
  'R20.reconciledProgramme': (p: ReconciledShare & { programme: string }) =>
    `Programma ${p.programme}: cofinanziamento ammesso al ${percentIt(p.share)} del contributo, sotto il ${percentIt(p.minimum)}. L'obbligo vale sull'intera ATS: segnalazione informativa (R20).`,
  'R20.reconciledAts': (p: ReconciledShare) =>
    `Il cofinanziamento ammesso dell'ATS (${percentIt(p.share)} del contributo) è inferiore al minimo del ${percentIt(p.minimum)} (R20).`,
  'R20.reconciledAts.reduced': (p: ReconciledShare) =>
    `Il cofinanziamento ammesso dell'ATS (${percentIt(p.share)} del contributo) è inferiore al minimo del ${percentIt(p.minimum)} (R20). Il contributo è ridotto di conseguenza (C4).`,

  // Mapping infos (DOMAIN §7): what the reader left out, so nothing disappears silently.
  'M04.skipped': (p: { foglio: string; righe: string }) =>
    `Foglio «${p.foglio}»: righe non di spesa ignorate (totali, sottotitoli, piè di pagina, righe modello): ${p.righe}.`,
  'M05.hidden': (p: { foglio: string }) => `Foglio «${p.foglio}»: foglio nascosto, non viene letto.`,
  'M05.veryHidden': (p: { foglio: string }) =>
    `Foglio «${p.foglio}»: foglio molto nascosto (veryHidden), non viene letto.`,
  'M05.partial': (p: { foglio: string; categoria: string; riga: number; mancanti: string }) =>
    `Foglio «${p.foglio}»: non è letto come tabella di rendicontazione ${p.categoria}: l'intestazione alla riga ${p.riga} non ha ${p.mancanti}. Se è una tabella di spese, associare le colonne nella mappatura.`,
  'M05.nextTable': (p: { foglio: string; riga: number; categoria: string; ultima: number }) =>
    `Foglio «${p.foglio}»: alla riga ${p.riga} inizia un'altra tabella ${p.categoria}, che non viene letta: la tabella del foglio finisce alla riga ${p.ultima}. Per rendicontarla, spostarla su un foglio a sé.`,
  'M05.none': (p: { foglio: string; righe: number }) =>
    `Foglio «${p.foglio}»: nessuna tabella di rendicontazione riconosciuta nelle prime ${p.righe} righe (istruzioni, riepilogo o altro); il foglio non viene letto.`,

  // Reconciliation (C1–C2) when the programme has no approved budget line: B = F = 0.
  'C1.noBudget': (p: { programma: string; anno: number }) =>
    `Programma ${p.programma}: nessuna versione di budget approvata per l'anno ${p.anno}; budget 0,00 € e contributo dovuto 0,00 € finché la Cabina di Regia non approva il budget.`,
  'C1.noBudgetLine': (p: { programma: string; anno: number; versione: number }) =>
    `Programma ${p.programma}: la versione ${p.versione} del budget ${p.anno} non ha una riga per il programma; budget 0,00 € e contributo dovuto 0,00 €.`,
  'C2.zeroPlanned': (_p: NoParams) => 'con P = 0 il contributo proporzionale è 0 (nessuna divisione per zero)',

  // The semester sample (S1–S4): why a draw cannot be made as asked. Errors of a request, not findings.
  'S1.semester': (_p: NoParams) => 'Semestre non valido: usare il formato aaaa-H1 o aaaa-H2.',
  'S2.rateInvalid': (p: { massimo: string }) =>
    `Tasso di campionamento non valido: indicare un numero tra 0 e ${p.massimo}.`,
  'S2.rateNotPositive': (_p: NoParams) => 'Il tasso di campionamento deve essere maggiore di zero.',
  'S2.rateAboveMax': (p: { tasso: string; massimo: string }) =>
    `Il tasso di campionamento ${p.tasso} supera il massimo del ${p.massimo} del personale previsto dall'accordo (S2).`,
  'S2.populationSize': (_p: NoParams) => 'La dimensione della popolazione deve essere un numero intero non negativo.',
  'S3.seed': (_p: NoParams) => 'Il seme del sorteggio è obbligatorio (S3).',
  'S3.method': (_p: NoParams) => 'Metodo di campionamento non valido: usare "simple" o "mus".',
  'S3.musCosts': (_p: NoParams) =>
    'Il campionamento per unità monetaria richiede il costo rendicontato di ogni persona.',
  'S4.notDue': (p: { semestre: string; chiusura: string }) =>
    `Il semestre ${p.semestre} si può estrarre solo dopo la chiusura delle finestre che lo coprono (${p.chiusura}).`,

  // Notes of the reconciliation's exclusions (C6): why an amount does not count. Not findings.
  'exclusion.rule': (p: { regola: string }) => `Righe escluse dalla regola ${p.regola}.`,
  'exclusion.S6': (p: { motivo: string }) => `Riga non ammessa dalla PO: ${p.motivo}`,
  'exclusion.S5': (p: { semestre: string; persona: number; esito: string; provvisorio: boolean }) =>
    `Campione ${p.semestre}, persona n. ${p.persona}: ${p.esito}${p.provvisorio ? ' – provvisorio, contraddittorio in corso' : ''}.`,
  'exclusion.S5.notAdmitted': (p: { motivo: string }) => `non ammesso (${p.motivo})`,
  'exclusion.S5.partial': (p: { ammesso: string }) => `ammesso parzialmente per ${p.ammesso}`,
  'exclusion.R21': (_p: NoParams) => 'Eccedenza delle spese generali oltre il limite (R21).',
  'exclusion.R21.finding': (p: { messaggio: string; eccedenza: string }) =>
    `${p.messaggio} Eccedenza esclusa: ${p.eccedenza}.`,
  'exclusion.R21.partner': (p: { partner: string; eccedenza: string }) =>
    `${p.partner}: eccedenza delle spese generali esclusa ${p.eccedenza} (R21).`,
} as const;

/** A key of the table: "R07.withOthers". */
export type MessageKey = keyof typeof MESSAGES_IT;
/** The params a key's template reads (and its finding carries). */
export type MessageParamsOf<K extends MessageKey> = Parameters<(typeof MESSAGES_IT)[K]>[0];

/** The sentence of one key, typed: what rules/emit.ts and the reconciliation use. */
export function renderIt<K extends MessageKey>(key: K, params: MessageParamsOf<K>): string {
  return (MESSAGES_IT[key] as (p: MessageParamsOf<K>) => string)(params);
}

/** The Italian sentence of a finding; an unknown variant falls back to a neutral sentence with the code. */
export function messageIt(code: string, variant: string, params: MessageParams): string {
  const template = (MESSAGES_IT as Record<string, ((p: never) => string) | undefined>)[`${code}.${variant}`];
  if (template) return (template as (p: MessageParams) => string)(params);
  return `Regola ${code} non rispettata${params.campo ? ` («${params.campo}»)` : ''}.`;
}
