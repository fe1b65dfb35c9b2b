// The validation engine: every row rule (R01–R17), the window rules (R24, R25) and the report rules
// (R20–R23) of DOMAIN.md over one partner's rows for one programme and year.
//
// validateRows(rows, ctx) runs a full pass. IncrementalValidator keeps, per row, its parsed values and
// its own findings, and, across rows, the groups that link rows (R07 person-month, R12 invoice, R17
// row id) and the totals behind R20–R23; an upsert re-validates one row and only the groups it
// leaves or joins. validateRows is a full load of an IncrementalValidator, so both give the same answer.
import type { Agreement } from './agreement';
import type { IsoDate } from './dates';
import type { Finding, FindingSummary } from './findings';
import { summarise } from './findings';
import type { RowInput } from './rows';
import { parseRow } from './rows';
import { buildEnv, type RuleEnv } from './rules/env';
import { LOCAL_RULES } from './rules/local';
import { compareFindings } from './rules/order';
import { monthlyHoursGroupFindings, personMonthKey, otherPersonMonths, type PersonMonthTotals } from './rules/monthly-hours';
import { invoiceGroupFindings, invoiceKey, otherInvoices, type InvoiceTotals } from './rules/double-funding';
import { duplicateIdFindings, removedRowFinding } from './rules/row-ids';
import { Totals } from './rules/totals';
import { reportRuleFindings } from './rules/report';

export interface ValidationContext {
  agreement: Agreement;
  programme: string;
  partner: string;
  year: number;
  /** Calendar day in Europe/Rome (window locks). */
  today: IsoDate;
  /** Rows of the same partner in OTHER programmes/submissions already on the server (R07, R12). */
  otherRows?: readonly RowInput[];
  /** Server state: the partner's last accepted rows for this programme+year. When present, a row in a locked
   *  window is R24 only if it is new, changed, or removed relative to these; when absent, every row dated in a
   *  locked window is R24 (DOMAIN §5). */
  previousRows?: readonly RowInput[];
  /** 'lock' = checking at/after window lock (R15 becomes error/R25); default 'live'. */
  phase?: 'live' | 'lock' | 'yearClose';
}

export interface ValidationResult {
  /** All findings, sorted (sheet, row, column, code, then a stable tie-break). */
  findings: Finding[];
  /** Findings by rowId; only rows that have at least one finding are present. */
  rowFindings: Map<string, Finding[]>;
  /** Findings without a row (R20–R23); R24 findings about removed rows carry their rowId and are in rowFindings. */
  reportFindings: Finding[];
  /** Rows with at least one error (including row ids removed from a locked window: R24). */
  rejectedRowIds: Set<string>;
  summary: FindingSummary;
}

export function validateRows(rows: readonly RowInput[], ctx: ValidationContext): ValidationResult {
  return new IncrementalValidator(ctx).load(rows);
}

interface Entry {
  seq: number;
  row: RowInput;
  parsed: ReturnType<typeof parseRow>;
  local: Finding[];
  personKey: string | null;
  invoiceKey: string | null;
  groupR07: Finding[];
  groupR12: Finding[];
  groupR17: Finding[];
  findings: Finding[];
  accepted: boolean;
  counted: boolean;
}

export class IncrementalValidator {
  private readonly env: RuleEnv;
  private entries = new Map<number, Entry>();
  private byId = new Map<string, Set<Entry>>();
  private byPerson = new Map<string, Set<Entry>>();
  private byInvoice = new Map<string, Set<Entry>>();
  private readonly otherPerson: ReadonlyMap<string, PersonMonthTotals>;
  private readonly otherInvoice: ReadonlyMap<string, InvoiceTotals>;
  private totals: Totals;
  private withFindings = new Set<Entry>();
  private removed = new Map<string, Finding>();
  private nextSeq = 0;
  private cached: ValidationResult | null = null;

  constructor(ctx: ValidationContext) {
    this.env = buildEnv(ctx);
    const others = (ctx.otherRows ?? []).map((r) => parseRow(r, ctx.agreement));
    this.otherPerson = otherPersonMonths(others, this.env);
    this.otherInvoice = otherInvoices(others);
    this.totals = new Totals();
  }

  /** Replaces every row with `rows` and returns the full result. */
  load(rows: readonly RowInput[]): ValidationResult {
    this.entries.clear();
    this.byId.clear();
    this.byPerson.clear();
    this.byInvoice.clear();
    this.withFindings.clear();
    this.removed.clear();
    this.totals = new Totals();
    const list = Array.isArray(rows) ? rows : [];
    for (const row of list) this.attach(this.createEntry(row));
    for (const group of this.byPerson.keys()) this.refreshPersonGroup(group, false);
    for (const group of this.byInvoice.keys()) this.refreshInvoiceGroup(group, false);
    for (const id of this.byId.keys()) this.refreshIdGroup(id, false);
    for (const entry of this.entries.values()) this.refreshEntry(entry);
    if (this.env.previous) for (const id of this.env.previous.keys()) this.refreshRemoved(id);
    this.cached = null;
    return this.result();
  }

  /** Adds the row, or replaces the (first) row with the same rowId, and re-validates what it touches. */
  upsert(row: RowInput): ValidationResult {
    const parsedId = parseRow(row, this.env.agreement).rowId;
    const existing = this.byId.get(parsedId);
    const touched = new Touched();
    if (existing && existing.size > 0) {
      const old = existing.values().next().value as Entry;
      touched.add(old);
      this.detach(old);
    }
    const entry = this.createEntry(row);
    touched.add(entry);
    this.attach(entry);
    this.refreshTouched(touched);
    return this.result();
  }

  /** Removes every row with this rowId. */
  remove(rowId: string): ValidationResult {
    const existing = this.byId.get(rowId);
    if (existing) {
      const touched = new Touched();
      for (const entry of [...existing]) {
        touched.add(entry);
        this.detach(entry);
      }
      this.refreshTouched(touched);
    }
    return this.result();
  }

  /** The rows currently held, in insertion order (what a full validateRows would be given). */
  rows(): RowInput[] {
    return [...this.entries.values()].map((e) => e.row);
  }

  result(): ValidationResult {
    if (this.cached) return this.cached;
    const report = reportRuleFindings(this.totals, this.env, this.entries.size);
    const rowFindings = new Map<string, Finding[]>();
    const rejected = new Set<string>();
    const all: Finding[] = [];
    for (const entry of this.withFindings) {
      const id = entry.parsed.rowId;
      const list = rowFindings.get(id);
      if (list) {
        list.push(...entry.findings);
        list.sort(compareFindings);
      } else rowFindings.set(id, entry.findings.slice());
      if (!entry.accepted) rejected.add(id);
      for (const f of entry.findings) all.push(f);
    }
    for (const [id, finding] of this.removed) {
      rowFindings.set(id, [...(rowFindings.get(id) ?? []), finding]);
      rejected.add(id);
      all.push(finding);
    }
    for (const f of report) all.push(f);
    all.sort(compareFindings);
    this.cached = { findings: all, rowFindings, reportFindings: report, rejectedRowIds: rejected, summary: summarise(all) };
    return this.cached;
  }

  private createEntry(row: RowInput): Entry {
    const parsed = parseRow(row, this.env.agreement);
    const local: Finding[] = [];
    for (const rule of LOCAL_RULES) rule(parsed, this.env, local);
    return {
      seq: this.nextSeq++,
      row,
      parsed,
      local,
      personKey: personMonthKey(parsed),
      invoiceKey: invoiceKey(parsed),
      groupR07: [],
      groupR12: [],
      groupR17: [],
      findings: [],
      accepted: true,
      counted: false,
    };
  }

  private attach(entry: Entry): void {
    this.entries.set(entry.seq, entry);
    addTo(this.byId, entry.parsed.rowId, entry);
    if (entry.personKey) addTo(this.byPerson, entry.personKey, entry);
    if (entry.invoiceKey) addTo(this.byInvoice, entry.invoiceKey, entry);
  }

  private detach(entry: Entry): void {
    this.entries.delete(entry.seq);
    removeFrom(this.byId, entry.parsed.rowId, entry);
    if (entry.personKey) removeFrom(this.byPerson, entry.personKey, entry);
    if (entry.invoiceKey) removeFrom(this.byInvoice, entry.invoiceKey, entry);
    this.withFindings.delete(entry);
    if (entry.counted) this.totals.remove(entry.parsed);
    entry.counted = false;
  }

  private refreshTouched(touched: Touched): void {
    for (const key of touched.persons) this.refreshPersonGroup(key, true);
    for (const key of touched.invoices) this.refreshInvoiceGroup(key, true);
    for (const id of touched.ids) this.refreshIdGroup(id, true);
    for (const entry of touched.entries) if (this.entries.has(entry.seq)) this.refreshEntry(entry);
    if (this.env.previous) for (const id of touched.ids) this.refreshRemoved(id);
    this.cached = null;
  }

  private refreshPersonGroup(key: string, refresh: boolean): void {
    const members = this.byPerson.get(key);
    if (!members) return;
    const findings = monthlyHoursGroupFindings([...members].map((m) => m.parsed), this.otherPerson.get(key), this.env);
    let i = 0;
    for (const m of members) {
      m.groupR07 = findings[i++];
      if (refresh) this.refreshEntry(m);
    }
  }

  private refreshInvoiceGroup(key: string, refresh: boolean): void {
    const members = this.byInvoice.get(key);
    if (!members) return;
    const findings = invoiceGroupFindings([...members].map((m) => m.parsed), this.otherInvoice.get(key));
    let i = 0;
    for (const m of members) {
      m.groupR12 = findings[i++];
      if (refresh) this.refreshEntry(m);
    }
  }

  private refreshIdGroup(id: string, refresh: boolean): void {
    const members = this.byId.get(id);
    if (!members) return;
    const findings = duplicateIdFindings([...members].map((m) => m.parsed));
    let i = 0;
    for (const m of members) {
      m.groupR17 = findings[i++];
      if (refresh) this.refreshEntry(m);
    }
  }

  private refreshRemoved(id: string): void {
    const previous = this.env.previous?.get(id);
    const finding = previous && !this.byId.has(id) ? removedRowFinding(previous.parsed, this.env) : null;
    if (finding) this.removed.set(id, finding);
    else this.removed.delete(id);
  }

  /** Recombines an entry's findings and moves its amounts in or out of the totals. */
  private refreshEntry(entry: Entry): void {
    const findings = entry.local.concat(entry.groupR07, entry.groupR12, entry.groupR17);
    findings.sort(compareFindings);
    entry.findings = findings;
    entry.accepted = !findings.some((f) => f.severity === 'error');
    if (findings.length > 0) this.withFindings.add(entry);
    else this.withFindings.delete(entry);
    const count = entry.accepted && !entry.parsed.values.excludedFromTotals;
    if (count !== entry.counted) {
      if (count) this.totals.add(entry.parsed);
      else this.totals.remove(entry.parsed);
      entry.counted = count;
    }
  }
}

/** What an edit touches: the entries themselves and the groups they were or are in. */
class Touched {
  readonly entries = new Set<Entry>();
  readonly persons = new Set<string>();
  readonly invoices = new Set<string>();
  readonly ids = new Set<string>();
  add(entry: Entry): void {
    this.entries.add(entry);
    this.ids.add(entry.parsed.rowId);
    if (entry.personKey) this.persons.add(entry.personKey);
    if (entry.invoiceKey) this.invoices.add(entry.invoiceKey);
  }
}

function addTo(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const set = map.get(key);
  if (set) set.add(entry);
  else map.set(key, new Set([entry]));
}

function removeFrom(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(entry);
  if (set.size === 0) map.delete(key);
}

export { checkAtsCofinancing, type ProgrammeCofinancing } from './rules/cofinancing';
export { parseRow, normaliseRow } from './rows';
