// Every sentence a partner or PO reads about a finding, keyed by rule code and variant. Rules only
// choose code, variant and params; the wording lives here (as zod's locales do).
export type MessageParams = Record<string, string | number>;
type Template = (p: MessageParams) => string;

const NOT_A_NUMBER = (p: MessageParams) => `«${p.campo}»: il valore «${p.valore}» non è un numero`;
const NEGATIVE = (p: MessageParams) => `«${p.campo}»: il valore non può essere negativo (${p.valore})`;
const DECIMALS = (p: MessageParams) => `«${p.campo}»: al massimo ${p.decimali ?? 2} decimali (${p.valore})`;
const EXCLUDED = '; la riga è esclusa dai totali finché non è corretto.';

export const MESSAGES_IT: Readonly<Record<string, Template>> = {
  'R01.category': (p) => `Categoria di spesa non riconosciuta («${p.valore}»): usare PERS, BENI, SERV, GEN o COFIN.`,
  'R01.missing': (p) => `Campo obbligatorio mancante: «${p.campo}».`,
  'R01.unreadable': (p) => `«${p.campo}»: il contenuto della cella non è leggibile come testo.`,
  'R01.notInList': (p) => `«${p.campo}»: valore «${p.valore}» non previsto; valori ammessi: ${p.ammessi}.`,
  'R01.expenseTypeUnknown': (p) =>
    `«${p.campo}»: tipo di spesa «${p.valore}» non presente nell'elenco; tipi ammessi: ${p.ammessi}.`,

  'R02.not_a_number': (p) => `${NOT_A_NUMBER(p)}.`,
  'R02.not_a_number.excluded': (p) => `${NOT_A_NUMBER(p)}${EXCLUDED}`,
  'R02.negative': (p) => `${NEGATIVE(p)}.`,
  'R02.negative.excluded': (p) => `${NEGATIVE(p)}${EXCLUDED}`,
  'R02.too_many_decimals': (p) => `${DECIMALS(p)}.`,
  'R02.too_many_decimals.excluded': (p) => `${DECIMALS(p)}${EXCLUDED}`,
  'R02.split': (p) =>
    `Quota Comune (${p.quotaComune}) e quota cofinanziamento (${p.quotaCofinanziamento}) non sommano all'importo (${p.importo})${EXCLUDED}`,

  'R03.invalidDate': (p) => `«${p.campo}»: «${p.valore}» non è una data valida (usare gg/mm/aaaa).`,
  'R03.outsidePeriod': (p) => `«${p.campo}»: la data è fuori dal periodo dell'accordo (${p.inizio} – ${p.fine}).`,
  'R03.otherYear': (p) => `«${p.campo}»: la data non è nell'anno ${p.anno} della rendicontazione.`,

  'R04.programmeUnknown': (p) => `«${p.campo}»: programma «${p.valore}» non presente nell'accordo.`,
  'R04.otherProgramme': (p) =>
    `«${p.campo}»: la riga è del programma ${p.programma}, ma questa rendicontazione è del programma ${p.programmaInvio}.`,
  'R04.actionUnknown': (p) => `«${p.campo}»: azione «${p.valore}» non presente nell'accordo.`,
  'R04.actionOtherProgramme': (p) => `«${p.campo}»: l'azione ${p.azione} non appartiene al programma ${p.programma}.`,

  'R05.product': (p) =>
    `«${p.campo}»: ${p.importo} diverso da ore × costo orario (${p.ore} × ${p.costoOrario} = ${p.atteso}).`,
  'R05.split': (p) =>
    `Quota Comune (${p.quotaComune}) e quota cofinanziamento (${p.quotaCofinanziamento}) non sommano all'importo (${p.importo})${EXCLUDED}`,

  'R06.aboveReference': (p) =>
    `«${p.campo}»: costo orario ${p.costoOrario} € superiore al costo medio ministeriale del livello ${p.livello} (${p.riferimento} €, in vigore da ${p.dal}).`,
  'R06.referenceMissing': (p) =>
    `«${p.campo}»: manca il costo medio ministeriale di riferimento per il livello ${p.livello} a ${p.mese}; confronto non eseguito.`,

  'R07.default': (p) =>
    `«${p.campo}»: la stessa persona ha ${p.ore} ore a ${p.mese}, oltre le ${p.limite} ore mensili da contratto.`,
  'R07.withOthers': (p) =>
    `«${p.campo}»: la stessa persona ha ${p.ore} ore a ${p.mese} contando anche gli altri programmi, oltre le ${p.limite} ore mensili da contratto.`,

  'R08.annualMethod': (p) =>
    `«${p.campo}»: costo orario ${p.costoOrario} € diverso da quello calcolato col metodo annuo (costo annuo / ${p.oreAnnue} ore = ${p.calcolato} €).`,

  'R09.vat': (p) => `«${p.campo}»: partita IVA non valida (11 cifre con cifra di controllo).`,
  'R09.taxCode': (p) => `«${p.campo}»: codice fiscale non valido (16 caratteri con carattere di controllo).`,

  'R10.invalidDate': (p) => `«${p.campo}»: «${p.valore}» non è una data valida (usare gg/mm/aaaa).`,
  'R10.beforeInvoice': (p) => `«${p.campo}»: pagamento del ${p.pagamento} anteriore alla fattura del ${p.fattura}.`,
  'R10.ineligible': (p) => `«${p.campo}»: pagamento in «${p.valore}» non ammissibile (serve un pagamento tracciabile).`,
  'R10.notTraceable': (p) => `«${p.campo}»: modalità «${p.valore}» non tracciabile; ammesse: ${p.ammessi}.`,

  'R11.taxableMissing': (p) => `«${p.campo}»: l'ente recupera l'IVA, indicare l'imponibile della fattura.`,
  'R11.aboveTaxable': (p) =>
    `«${p.campo}»: l'ente recupera l'IVA, l'importo rendicontato (${p.importo}) supera l'imponibile (${p.imponibile}).`,
  'R11.aboveTotal': (p) =>
    `«${p.campo}»: l'importo rendicontato (${p.importo}) supera il totale della fattura (${p.totaleFattura}).`,

  'R12.default': (p) =>
    `«${p.campo}»: la fattura n. ${p.fattura} del ${p.data} è rendicontata in ${p.righe} righe per ${p.totale}, oltre il totale fattura di ${p.totaleFattura} (doppio finanziamento).`,
  'R12.withOthers': (p) =>
    `«${p.campo}»: la fattura n. ${p.fattura} del ${p.data} è rendicontata in ${p.righe} righe, anche in altri programmi, per ${p.totale}, oltre il totale fattura di ${p.totaleFattura} (doppio finanziamento).`,

  'R13.absent': (p) => `«${p.campo}»: la fattura non riporta il CUP ${p.cup}.`,
  'R13.unstated': (p) => `«${p.campo}»: indicare se la fattura riporta il CUP ${p.cup} (sì/no).`,

  'R14.ineligible': (p) => `«${p.campo}»: «${p.valore}» è una spesa non ammissibile.`,

  'R15.live': (p) =>
    `«${p.campo}»: mancano i documenti richiesti: ${p.mancanti}. Vanno indicati prima della chiusura della finestra.`,
  'R15.atLock': (p) => `«${p.campo}»: alla chiusura della finestra mancano i documenti richiesti: ${p.mancanti}.`,

  'R16.municipal': (p) =>
    `«${p.campo}»: le ore di volontariato sono solo cofinanziamento, non possono gravare sulla quota Comune.`,
  'R16.aboveReference': (p) =>
    `«${p.campo}»: valore orario ${p.valoreOrario} € superiore al costo ministeriale del livello ${p.livello} (${p.riferimento} €).`,
  'R16.referenceMissing': (p) =>
    `«${p.campo}»: manca il costo ministeriale del livello ${p.livello} a ${p.mese}; valore orario non verificato.`,

  'R17.missing': () => `ID riga mancante: la riga non può essere identificata.`,
  'R17.duplicate': (p) => `ID riga ripetuto in ${p.count} righe: ogni riga deve avere un ID diverso.`,

  'R20.programme': (p) =>
    `Programma ${p.programma}: cofinanziamento ${p.cofinanziamento} pari al ${p.quota} della quota Comune (${p.quotaComune}), sotto il minimo del ${p.minimo} (l'obbligo vale sul totale dell'ATS).`,
  'R20.ats': (p) =>
    `ATS: cofinanziamento ${p.cofinanziamento} pari al ${p.quota} del contributo comunale (${p.quotaComune}), sotto il minimo del ${p.minimo}.`,

  'R21.direct': (p) =>
    `Spese generali ${p.speseGenerali} oltre il tetto del ${p.aliquota} dei costi diretti ammissibili (${p.base}): tetto ${p.tetto}, eccedenza esclusa ${p.eccedenza}.`,
  'R21.personnel': (p) =>
    `Spese generali ${p.speseGenerali} oltre il tetto del ${p.aliquota} dei costi diretti del personale (${p.base}): tetto ${p.tetto}, eccedenza esclusa ${p.eccedenza}.`,

  'R22.programme': (p) =>
    `Programma ${p.programma}: quota Comune rendicontata ${p.rendicontato} oltre il budget approvato (${p.budgetApprovato}) di ${p.eccedenza}.`,
  'R22.action': (p) =>
    `Azione ${p.azione}: quota Comune rendicontata ${p.rendicontato} oltre il budget approvato (${p.budgetApprovato}) di ${p.eccedenza}.`,
  'R22.category': (p) =>
    `Categoria ${p.categoria} del programma ${p.programma}: quota Comune rendicontata ${p.rendicontato} oltre il budget approvato (${p.budgetApprovato}) di ${p.eccedenza}.`,
  'R22.noBudget': (p) =>
    `Programma ${p.programma}: nessuna versione di budget approvata per l'anno ${p.anno}; il confronto con il budget non è applicabile.`,
  'R22.noBudgetLine': (p) =>
    `Programma ${p.programma}: la versione ${p.versione} del budget ${p.anno} non ha una riga per il programma; il confronto con il budget non è applicabile.`,

  'R23.progress': (p) =>
    `Programma ${p.programma}, anno ${p.anno}: rendicontati ${p.rendicontato} su ${p.budgetApprovato} (${p.avanzamento}); trascorso il ${p.trascorso} dell'anno. Cofinanziamento: ${p.cofinanziamento}.`,
  'R23.progress.excluded': (p) =>
    `Programma ${p.programma}, anno ${p.anno}: rendicontati ${p.rendicontato} su ${p.budgetApprovato} (${p.avanzamento}); trascorso il ${p.trascorso} dell'anno. Cofinanziamento: ${p.cofinanziamento}. Righe escluse dai totali per errori: ${p.righeEscluse}.`,
  'R23.noBudget': (p) =>
    `Programma ${p.programma}: nessun budget approvato per l'anno ${p.anno}; trascorso il ${p.trascorso} dell'anno.`,
  'R23.noBudget.excluded': (p) =>
    `Programma ${p.programma}: nessun budget approvato per l'anno ${p.anno}; trascorso il ${p.trascorso} dell'anno. Righe escluse dai totali per errori: ${p.righeEscluse}.`,

  'R24.locked': (p) =>
    `«${p.campo}»: la finestra ${p.finestra} è chiusa dal ${p.chiusura}; non si possono aggiungere spese retroattive.`,
  'R24.added': (p) =>
    `«${p.campo}»: la finestra ${p.finestra} è chiusa dal ${p.chiusura}; la riga è nuova e non può essere aggiunta.`,
  'R24.changed': (p) =>
    `«${p.campo}»: la finestra ${p.finestra} è chiusa dal ${p.chiusura}; la riga già inviata non può essere modificata.`,
  'R24.removed': (p) =>
    (p.dove ? `Riga già inviata (${p.dove}) assente dal file: l` : 'L') +
    `a finestra ${p.finestra} è chiusa dal ${p.chiusura}; una riga già inviata non può essere eliminata e resta com'era.`,

  'R25.excluded': (p) =>
    `Spesa esclusa dal calcolo del rimborso: documentazione mancante alla chiusura della finestra (${p.mancanti}).`,

  // Reconciliation (C1–C2) when the programme has no approved budget line: B = F = 0.
  'C1.noBudget': (p) =>
    `Programma ${p.programma}: nessuna versione di budget approvata per l'anno ${p.anno}; budget 0,00 € e contributo dovuto 0,00 € finché la Cabina di Regia non approva il budget.`,
  'C1.noBudgetLine': (p) =>
    `Programma ${p.programma}: la versione ${p.versione} del budget ${p.anno} non ha una riga per il programma; budget 0,00 € e contributo dovuto 0,00 €.`,
  'C2.zeroPlanned': () => 'con P = 0 il contributo proporzionale è 0 (nessuna divisione per zero)',
};

/** The Italian sentence of a finding; an unknown variant falls back to a neutral sentence with the code. */
export function messageIt(code: string, variant: string, params: MessageParams): string {
  const template = MESSAGES_IT[`${code}.${variant}`];
  if (template) return template(params);
  return `Regola ${code} non rispettata${params.campo ? ` («${params.campo}»)` : ''}.`;
}
