// Canonical fields of the templates partners know (DOMAIN.md §7): the key used by the API,
// the CLI and the code; the Italian header; accepted synonyms; how the cell is read.
import type { Category } from '../agreement/agreement';

export type FieldKind = 'text' | 'amount' | 'quantity' | 'date' | 'month' | 'enum' | 'list' | 'boolean';

export interface FieldDef {
  key: string;
  header: string;
  synonyms: readonly string[];
  kind: FieldKind;
}

const f = (key: string, header: string, kind: FieldKind, synonyms: string[] = []): FieldDef => ({
  key,
  header,
  kind,
  synonyms,
});

const programme = f('programme', 'Programma', 'text', ['Programma di riferimento', 'Progr.']);
const action = f('action', 'Azione', 'text', [
  'Azione di riferimento',
  'Az.',
  'Azione progettuale',
  'Azione del progetto',
]);
const municipalShare = f('municipalShare', 'Quota Comune', 'amount', [
  'Quota contributo',
  'Quota comunale',
  'A carico Comune',
  'Quota a carico del Comune',
  'Contributo comunale',
  'Contributo Comune',
]);
const cofinancingShare = f('cofinancingShare', 'Quota cofinanziamento', 'amount', [
  'Quota co-finanziamento',
  'Cofinanziamento',
  'Quota ETS',
  'Quota a carico ente',
  "Quota a carico dell'ente",
  'Quota ente',
  'Cofinanziamento ente',
  'Quota cofinanziata',
]);
const documents = f('documents', 'Documenti', 'list', [
  'Giustificativi',
  'Documentazione',
  'Allegati',
  'Documenti giustificativi',
  'Giustificativi di spesa',
]);
const rowId = f('rowId', 'ID riga', 'text', ['ID', 'Id riga rendiconta']);
const description = f('description', 'Descrizione', 'text', [
  'Descrizione spesa',
  'Oggetto',
  'Causale',
  'Descrizione della spesa',
  'Descrizione attività',
  'Attività svolta',
]);
const date = f('date', 'Data', 'date', ['Data spesa', 'Data documento', 'Data attività']);
// 'Totale' last: beside a more precise amount column ('Importo imputato') it is the vaguer name.
const amount = f('amount', 'Importo', 'amount', [
  'Importo rendicontato',
  'Importo imputato',
  'Costo imputato',
  'Importo richiesto',
  'Importo a rendiconto',
  'Spesa rendicontata',
  'Costo rendicontato',
  'Costo totale imputato',
  'Importo ammissibile',
  'Importo rendicontabile',
  'Totale',
]);
/** A personnel row's amount is its cost: the words a payroll sheet uses for it (an invoice's would be its total). */
const personnelAmount: FieldDef = {
  ...amount,
  // 'Importo totale' only here: on an invoice sheet it is the invoice's total.
  synonyms: [...amount.synonyms, 'Costo totale', 'Totale costo', 'Costo complessivo', 'Importo totale'],
};

const invoice: FieldDef[] = [
  f('supplier', 'Fornitore', 'text', [
    'Ragione sociale',
    'Fornitore / professionista',
    'Ragione sociale fornitore',
    'Fornitore / Ditta',
    'Ditta',
    'Denominazione fornitore',
    'Fornitore / Prestatore',
    'Prestatore',
    'Emittente',
    // The payee of a payments ledger is the supplier paid.
    'Beneficiario',
  ]),
  f('supplierId', 'P.IVA / C.F.', 'text', [
    'Partita IVA',
    'P.IVA',
    'Codice fiscale fornitore',
    'P.IVA/C.F. fornitore',
    'CF/PIVA',
    'Partita IVA / Codice fiscale',
    'Codice fiscale / Partita IVA',
    'Partita IVA / C.F.',
    'P.IVA fornitore',
    'Partita IVA fornitore',
    'Codice fiscale / P.IVA',
    'Codice fiscale / P.IVA fornitore',
    'CF/P.IVA fornitore',
  ]),
  f('invoiceNumber', 'N. fattura', 'text', [
    'Numero documento',
    'Numero fattura',
    'N. documento',
    'Nr fattura',
    'N. doc.',
    'Num. fattura',
    'Fattura n.',
    'N. fatt.',
    'Rif. fattura',
    'Estremi fattura',
  ]),
  f('invoiceDate', 'Data fattura', 'date', [
    'Data documento fiscale',
    'Data emissione',
    'Data doc.',
    'Data fatt.',
    'Data emissione fattura',
  ]),
  f('expenseType', 'Tipo spesa', 'enum', [
    'Tipologia spesa',
    'Voce di spesa',
    'Tipologia di spesa',
    'Tipo di spesa',
    'Natura della spesa',
    'Natura spesa',
    'Voce di costo',
  ]),
  f('taxable', 'Imponibile', 'amount', ['Importo imponibile']),
  f('vat', 'IVA', 'amount', ['Importo IVA']),
  f('invoiceTotal', 'Totale fattura', 'amount', [
    'Totale documento',
    'Importo fattura',
    'Importo totale fattura',
    'Totale fattura IVA inclusa',
    'Importo documento',
    'Importo totale',
    'Importo lordo',
    'Totale lordo',
  ]),
  f('paymentDate', 'Data pagamento', 'date', [
    'Data quietanza',
    'Data bonifico',
    'Data di pagamento',
    'Pagato il',
    'Data saldo',
  ]),
  f('paymentMethod', 'Modalità pagamento', 'enum', [
    'Metodo di pagamento',
    'Mezzo di pagamento',
    'Modalità di pagamento',
    'Mod. pagamento',
    'Tipo pagamento',
    'Forma di pagamento',
    'Strumento di pagamento',
  ]),
  f('cupOnInvoice', 'CUP in fattura', 'boolean', ['CUP indicato', 'CUP riportato', 'CUP indicato in fattura']),
];

/** On a purchases sheet the document is the invoice ("Data documento"); on GEN it is the expense's own date. */
const purchaseInvoice: FieldDef[] = invoice.map((d) =>
  d.key === 'invoiceDate' ? { ...d, synonyms: [...d.synonyms, 'Data documento'] } : d,
);

export const FIELDS: Readonly<Record<Category, readonly FieldDef[]>> = {
  PERS: [
    f('name', 'Nominativo', 'text', [
      'Cognome e nome',
      'Dipendente',
      'Nome e cognome',
      'Operatore',
      'Nominativo dipendente',
      'Cognome nome',
      'Cognome',
      'Nome',
      'Lavoratore',
      'Nominativo lavoratore',
      'Nome cognome',
      'Nominativo operatore',
    ]),
    f('taxCode', 'Codice fiscale', 'text', [
      'CF',
      'C.F.',
      'Cod. fiscale',
      'Codice fiscale dipendente',
      'CF dipendente',
      'Codice fiscale lavoratore',
    ]),
    f('employment', 'Tipo rapporto', 'enum', [
      'Tipologia rapporto',
      'Tipo contratto',
      'Rapporto',
      'Tipologia contratto',
      'Tipo di contratto',
      'Tipo di rapporto',
      'Tipologia contrattuale',
      'Rapporto di lavoro',
    ]),
    f('role', 'Qualifica', 'text', ['Ruolo', 'Mansione', 'Qualifica/Mansione', 'Profilo professionale']),
    f('ccnl', 'CCNL', 'text', ['Contratto collettivo', 'CCNL applicato']),
    f('level', 'Livello', 'text', ['Inquadramento', 'Livello CCNL', 'Liv.', 'Categoria/Livello']),
    programme,
    action,
    f('month', 'Mese', 'month', [
      'Periodo',
      'Mese di riferimento',
      'Mese/anno',
      'Mese di competenza',
      'Mese rendicontato',
      'Periodo di riferimento',
      'Competenza',
      'Mese competenza',
      'Mese di lavoro',
      'Mese rif.',
      'Mese di rif.',
    ]),
    f('hours', 'Ore', 'quantity', [
      'Ore lavorate',
      'Ore progetto',
      'N. ore',
      'Ore rendicontate',
      'Totale ore',
      'Ore dedicate al progetto',
      'Ore imputate',
      'Ore dedicate',
      'Ore lavorate nel mese',
      'Ore di progetto',
      'Ore su progetto',
      'Ore sul progetto',
      'Numero ore',
      'Nr. ore',
      // Vaguer than the project's hours beside them ('Ore progetto' outranks it): listed last.
      'Ore totali',
    ]),
    f('hourlyCost', 'Costo orario', 'quantity', [
      'Costo orario lordo',
      'Costo orario €',
      'Costo ora',
      'Tariffa oraria',
      'Costo orario aziendale',
      'Costo orario medio',
      'Costo orario lordo aziendale',
      'Costo orario aziendale lordo',
    ]),
    f('annualCost', 'Costo annuo', 'amount', ['Costo annuo lordo', 'Costo lordo annuo']),
    f('contractHours', 'Ore contrattuali', 'quantity', ['Ore mensili contrattuali', 'Ore da contratto']),
    personnelAmount,
    municipalShare,
    cofinancingShare,
    documents,
    rowId,
  ],
  BENI: [
    ...purchaseInvoice,
    description,
    amount,
    programme,
    action,
    municipalShare,
    cofinancingShare,
    documents,
    rowId,
    f('category', 'Categoria', 'enum', ['Tipologia']),
  ],
  SERV: [
    ...purchaseInvoice,
    description,
    amount,
    programme,
    action,
    municipalShare,
    cofinancingShare,
    documents,
    rowId,
    f('category', 'Categoria', 'enum', ['Tipologia']),
  ],
  GEN: [
    description,
    f('allocationKey', 'Criterio di imputazione', 'text', [
      'Criterio di riparto',
      'Chiave di imputazione',
      'Criterio di ripartizione',
      'Chiave di riparto',
      'Metodo di imputazione',
      'Base di riparto',
      'Percentuale di imputazione',
      '% di imputazione',
      '% imputazione',
      'Criterio',
    ]),
    date,
    amount,
    programme,
    action,
    municipalShare,
    cofinancingShare,
    documents,
    rowId,
    ...invoice,
  ],
  COFIN: [
    f('resourceType', 'Tipo risorsa', 'enum', [
      'Tipologia risorsa',
      'Tipo cofinanziamento',
      'Tipo di risorsa',
      'Tipologia di risorsa',
      'Tipologia cofinanziamento',
      'Natura del cofinanziamento',
    ]),
    description,
    f('volunteer', 'Volontario', 'text', [
      'Nominativo volontario',
      'Nome volontario',
      'Volontario/a',
      'Nome e cognome volontario',
      'Cognome e nome',
      'Nome e cognome',
      'Cognome nome',
      'Cognome',
      'Nome',
    ]),
    date,
    f('hours', 'Ore', 'quantity', [
      'Ore di volontariato',
      'N. ore',
      'Ore svolte',
      'Ore prestate',
      'N. ore volontariato',
    ]),
    f('hourlyValue', 'Valore orario', 'quantity', [
      'Costo orario figurativo',
      'Valorizzazione oraria',
      'Valore orario figurativo',
    ]),
    f('value', 'Valore', 'amount', [
      'Importo',
      'Valore complessivo',
      'Valorizzazione',
      'Valore totale',
      'Valore figurativo',
      'Importo valorizzato',
    ]),
    programme,
    action,
    documents,
    rowId,
  ],
};

/** BENI and SERV share the invoice columns, and so their required fields. */
const INVOICE_REQUIRED: readonly string[] = [
  'supplier',
  'supplierId',
  'invoiceNumber',
  'invoiceDate',
  'expenseType',
  'invoiceTotal',
  'amount',
  'paymentDate',
  'paymentMethod',
  'programme',
  'action',
];

/** Required fields per category (R01). COFIN `volontariato` adds VOLUNTEER_REQUIRED. */
export const REQUIRED: Readonly<Record<Category, readonly string[]>> = {
  PERS: ['name', 'taxCode', 'employment', 'programme', 'action', 'month', 'hours', 'hourlyCost', 'amount'],
  BENI: INVOICE_REQUIRED,
  SERV: INVOICE_REQUIRED,
  GEN: ['description', 'allocationKey', 'date', 'amount', 'programme', 'action'],
  COFIN: ['resourceType', 'date', 'value', 'programme', 'action'],
};
export const VOLUNTEER_REQUIRED: readonly string[] = ['volunteer', 'hours', 'hourlyValue'];

export const EMPLOYMENT_TYPES = ['dipendente', 'collaboratore', 'libero professionista'] as const;
export const RESOURCE_TYPES = ['monetaria', 'non monetaria', 'volontariato'] as const;

export const DOCUMENT_KINDS: Readonly<Record<string, readonly string[]>> = {
  cedolino: ['busta paga'],
  timesheet: ['foglio presenze', 'time sheet'],
  pagamento: ['bonifico', 'quietanza', 'ricevuta di pagamento'],
  F24: [],
  fattura: ['fattura elettronica'],
  notula: ['ricevuta', 'parcella'],
  contratto: ["lettera d'incarico", 'incarico'],
  relazione: ['relazione attività'],
  'registro volontari': [],
  'criterio di imputazione': [],
};

export function fieldDef(category: Category, key: string): FieldDef | undefined {
  return FIELDS[category].find((d) => d.key === key);
}
