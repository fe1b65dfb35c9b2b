// The validation engine: every row rule (R01–R17), the window rules (R24, R25) and the report rules
// (R20–R23) of DOMAIN.md over one partner's rows for one programme and year.
//
// validateRows(rows, ctx) runs a full pass. IncrementalValidator keeps, per row, its parsed values and
// its own findings, and, across rows, the groups that link rows (R07 person-month, R12 invoice, R17
// row id) and the totals behind R20–R23; an upsert re-validates one row and only the groups it
// leaves or joins. validateRows is a full load of an IncrementalValidator, so both give the same answer.
import type { Agreement } from '../agreement/agreement';
import type { IsoDate } from '../core/dates';
import type { Finding, FindingSummary } from '../findings/findings';
import type { ParsedRow, RowInput } from '../rows/rows';
import { parseRow } from '../rows/rows';
import { buildEnv, type RuleEnv } from './env';
import { LOCAL_RULES } from './local';
import { compareFindings } from './order';
import {
  monthlyHoursGroupFindings,
  otherPersonMonths,
  personMonthKey,
  withinMonthlyHours,
  type PersonMonthTotals,
} from './monthly-hours';
import {
  invoiceGroupFindings,
  invoiceKey,
  invoiceUsedTwice,
  otherInvoices,
  type InvoiceTotals,
} from './double-funding';
import { duplicateIdFindings, removedRowFinding } from './row-ids';
import { Totals } from './totals';
import { RowFindings, type RowFindingsView } from './row-findings';
import { reportRuleFindings } from './report';

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
  rowFindings: RowFindingsView;
  /** Findings without a row (R20–R23); R24 findings about removed rows carry their rowId and are in rowFindings. */
  reportFindings: Finding[];
  /** Rows with at least one error (including row ids removed from a locked window: R24). */
  rejectedRowIds: ReadonlySet<string>;
  summary: FindingSummary;
}

export function validateRows(rows: readonly RowInput[], ctx: ValidationContext): ValidationResult {
  return new IncrementalValidator(ctx).load(rows);
}

interface Entry {
  /** Whether the validator still holds the row (see EntryList). */
  held: boolean;
  row: RowInput;
  parsed: ParsedRow;
  /** Findings that depend on this row and the context only. */
  local: Finding[];
  personKey: string | null;
  invoiceKey: string | null;
  /** Findings of the groups the row is in (R07 person-month, R12 invoice, R17 row id). */
  groupR07: readonly Finding[];
  groupR12: readonly Finding[];
  groupR17: readonly Finding[];
  /** local + group findings, sorted. */
  findings: Finding[];
  accepted: boolean;
  /** Whether the row's amounts are in the totals (accepted and usable). */
  counted: boolean;
}

const NONE: readonly Finding[] = Object.freeze([]);

export class IncrementalValidator {
  private readonly env: RuleEnv;
  private readonly entries = new EntryList();
  private readonly byId = new Groups();
  private readonly byPerson = new Groups();
  private readonly byInvoice = new Groups();
  private readonly otherPerson: ReadonlyMap<string, PersonMonthTotals>;
  private readonly otherInvoice: ReadonlyMap<string, InvoiceTotals>;
  private totals = new Totals();
  /** R24 findings of previously accepted rows removed from a locked window, by row id. */
  private readonly removed = new Map<string, Finding>();
  /** Every row-level finding, kept sorted so that an edit only moves its own findings. */
  private sorted: Finding[] = [];
  // Handed out by result() without a copy; a later edit changes copies (row-findings.ts; the
  // rejected ids are copied only when an edit changes which rows are rejected).
  private byRowId = new RowFindings();
  private rejected = new Set<string>();
  private rejectedHandedOut = false;
  /** R20–R23 of the totals at `version` with `rows` rows: an edit that moves no total reuses them. */
  private report: { version: number; rows: number; findings: readonly Finding[] } | null = null;
  private readonly counts: FindingSummary = { error: 0, warning: 0, info: 0 };
  /** During load() findings are collected first and sorted once. */
  private bulk = false;
  private readonly dirtyIds = new Set<string>();
  private cached: ValidationResult | null = null;

  constructor(ctx: ValidationContext) {
    this.env = buildEnv(ctx);
    const others = (Array.isArray(ctx.otherRows) ? ctx.otherRows : []).map((r) =>
      parseRow(r, ctx.agreement, this.env.index),
    );
    this.otherPerson = otherPersonMonths(others);
    this.otherInvoice = otherInvoices(others);
  }

  /** Replaces every row with `rows` and returns the full result. */
  load(rows: readonly RowInput[]): ValidationResult {
    this.entries.clear();
    this.byId.clear();
    this.byPerson.clear();
    this.byInvoice.clear();
    this.removed.clear();
    this.byRowId = new RowFindings();
    this.rejected = new Set();
    this.rejectedHandedOut = false;
    this.report = null;
    this.dirtyIds.clear();
    this.counts.error = this.counts.warning = this.counts.info = 0;
    this.totals = new Totals();
    this.bulk = true;
    try {
      this.loadAll(Array.isArray(rows) ? rows : []);
    } finally {
      this.bulk = false;
    }
    this.flushDirtyIds();
    this.cached = null;
    return this.result();
  }

  // Plain arrays and forEach below: iterating the maps allocates an iterator result per row.
  private loadAll(rows: readonly RowInput[]): void {
    const loaded: Entry[] = new Array(rows.length);
    const scratch: Finding[] = [];
    for (let i = 0; i < rows.length; i++) {
      loaded[i] = this.createEntry(rows[i], scratch);
      this.attach(loaded[i]);
    }
    this.byPerson.forEachGroup((key, group) => this.refreshPersonGroup(key, false, group));
    this.byInvoice.forEachGroup((key, group) => this.refreshInvoiceGroup(key, false, group));
    this.byId.forEachShared((id) => this.refreshIdGroup(id, false)); // a unique id has no R17
    for (let i = 0; i < loaded.length; i++) this.refreshEntry(loaded[i]);
    if (this.env.previous) for (const id of this.env.previous.keys()) this.refreshRemoved(id);
    const all: Finding[] = [];
    for (let e = 0; e < loaded.length; e++) {
      const findings = loaded[e].findings;
      for (let i = 0; i < findings.length; i++) all.push(findings[i]);
    }
    for (const f of this.removed.values()) all.push(f);
    this.sorted = all.sort(compareFindings);
    for (const f of this.removed.values()) this.counts[f.severity] += 1;
  }

  /** Adds the row, or replaces the (first) row with the same rowId, and re-validates what it touches. */
  upsert(row: RowInput): ValidationResult {
    const entry = this.createEntry(row);
    const touched = new Touched();
    const old = this.byId.first(entry.parsed.rowId);
    if (old) {
      touched.add(old);
      this.detach(old);
    }
    touched.add(entry);
    this.attach(entry);
    this.refreshTouched(touched);
    return this.result();
  }

  /** Removes every row with this rowId. */
  remove(rowId: string): ValidationResult {
    const existing = this.byId.members(rowId);
    if (existing.length > 0) {
      const touched = new Touched();
      for (const entry of existing) {
        touched.add(entry);
        this.detach(entry);
      }
      this.refreshTouched(touched);
    }
    return this.result();
  }

  /** The rows currently held, in insertion order (what a full validateRows would be given). */
  rows(): RowInput[] {
    return this.entries.values().map((e) => e.row);
  }

  result(): ValidationResult {
    if (this.cached) return this.cached;
    const report = this.reportFindings();
    const summary = { ...this.counts };
    for (const f of report) summary[f.severity] += 1;
    this.rejectedHandedOut = true;
    this.cached = {
      findings: mergeSorted(report, this.sorted),
      rowFindings: this.byRowId.view(),
      reportFindings: report.slice(),
      rejectedRowIds: this.rejected,
      summary,
    };
    return this.cached;
  }

  private reportFindings(): readonly Finding[] {
    const { version } = this.totals;
    const rows = this.entries.size;
    if (this.report && this.report.version === version && this.report.rows === rows) return this.report.findings;
    const findings = Object.freeze(reportRuleFindings(this.totals, this.env, rows).sort(compareFindings));
    this.report = { version, rows, findings };
    return findings;
  }

  /** `scratch` (empty) collects the row's findings; most rows have none and then share NONE. */
  private createEntry(row: RowInput, scratch: Finding[] = []): Entry {
    const parsed = parseRow(row, this.env.agreement, this.env.index);
    // Indexed loops on the per-row paths: a cold process (the CLI, a server's first request) runs
    // them unoptimised for a while, and there a for…of builds an iterator per row.
    for (let i = 0; i < LOCAL_RULES.length; i++) LOCAL_RULES[i](parsed, this.env, scratch);
    const local = scratch.length === 0 ? (NONE as Finding[]) : scratch.splice(0, scratch.length);
    if (local.length > 1) local.sort(compareFindings);
    return {
      held: false,
      row,
      parsed,
      local,
      personKey: personMonthKey(parsed),
      invoiceKey: invoiceKey(parsed),
      groupR07: NONE,
      groupR12: NONE,
      groupR17: NONE,
      findings: NONE as Finding[],
      accepted: true,
      counted: false,
    };
  }

  private attach(entry: Entry): void {
    this.entries.add(entry);
    this.byId.add(entry.parsed.rowId, entry);
    if (entry.personKey) this.byPerson.add(entry.personKey, entry);
    if (entry.invoiceKey) this.byInvoice.add(entry.invoiceKey, entry);
  }

  private detach(entry: Entry): void {
    this.entries.remove(entry);
    this.byId.remove(entry.parsed.rowId, entry);
    if (entry.personKey) this.byPerson.remove(entry.personKey, entry);
    if (entry.invoiceKey) this.byInvoice.remove(entry.invoiceKey, entry);
    this.replaceFindings(entry, []);
    if (entry.counted) this.totals.remove(entry.parsed);
    entry.counted = false;
  }

  private refreshTouched(touched: Touched): void {
    for (const key of touched.persons) this.refreshPersonGroup(key, true);
    for (const key of touched.invoices) this.refreshInvoiceGroup(key, true);
    for (const id of touched.ids) this.refreshIdGroup(id, true);
    for (const entry of touched.entries) if (entry.held) this.refreshEntry(entry);
    if (this.env.previous) for (const id of touched.ids) this.refreshRemoved(id);
    this.flushDirtyIds();
    this.cached = null;
  }

  // A group of one row (most person-months and invoices) is settled without building arrays for it.
  private refreshPersonGroup(key: string, refresh: boolean, group = this.byPerson.group(key)): void {
    if (group === undefined) return;
    const other = this.otherPerson.get(key);
    const one = single(group);
    if (one && one.groupR07.length === 0 && withinMonthlyHours(one.parsed, other, this.env)) return;
    const members = one ? [one] : (group as readonly Entry[]);
    const findings = monthlyHoursGroupFindings(
      members.map((m) => m.parsed),
      other,
      this.env,
    );
    this.assignGroup(members, findings, 'groupR07', refresh);
  }

  private refreshInvoiceGroup(key: string, refresh: boolean, group = this.byInvoice.group(key)): void {
    if (group === undefined) return;
    const other = this.otherInvoice.get(key);
    const one = single(group);
    if (one && one.groupR12.length === 0 && !invoiceUsedTwice(1, other)) return;
    const members = one ? [one] : (group as readonly Entry[]);
    const findings = invoiceGroupFindings(
      members.map((m) => m.parsed),
      other,
    );
    this.assignGroup(members, findings, 'groupR12', refresh);
  }

  private refreshIdGroup(id: string, refresh: boolean): void {
    const members = this.byId.members(id);
    if (members.length === 0) return;
    if (members.length === 1 && members[0].groupR17.length === 0) return; // the common case: a unique id
    this.assignGroup(members, duplicateIdFindings(members.map((m) => m.parsed)), 'groupR17', refresh);
  }

  private assignGroup(
    members: readonly Entry[],
    findings: Finding[][] | null,
    slot: 'groupR07' | 'groupR12' | 'groupR17',
    refresh: boolean,
  ): void {
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      const next = findings ? findings[i] : NONE;
      if (next.length === 0 && m[slot].length === 0) continue; // nothing changes for this row
      m[slot] = next;
      if (refresh) this.refreshEntry(m);
    }
  }

  private refreshRemoved(id: string): void {
    const previous = this.env.previous?.get(id);
    const finding = previous && !this.byId.first(id) ? removedRowFinding(previous.parsed, this.env) : null;
    const old = this.removed.get(id);
    if (old === finding) return;
    if (old && finding && old.message === finding.message) return;
    if (old) {
      this.removed.delete(id);
      this.counts[old.severity] -= 1;
      if (!this.bulk) removeSorted(this.sorted, old);
    }
    if (finding) {
      this.removed.set(id, finding);
      if (!this.bulk) {
        this.counts[finding.severity] += 1;
        insertSorted(this.sorted, finding);
      }
    }
    this.dirtyIds.add(id);
  }

  /** Recombines an entry's findings and moves its amounts in or out of the totals. */
  private refreshEntry(entry: Entry): void {
    let findings: Finding[];
    if (entry.groupR07.length + entry.groupR12.length + entry.groupR17.length === 0) findings = entry.local;
    else findings = entry.local.concat(entry.groupR07, entry.groupR12, entry.groupR17).sort(compareFindings);
    this.replaceFindings(entry, findings);
    let accepted = true;
    for (let i = 0; i < findings.length; i++) if (findings[i].severity === 'error') accepted = false;
    entry.accepted = accepted;
    const count = accepted && !entry.parsed.values.excludedFromTotals;
    if (count !== entry.counted) {
      if (count) this.totals.add(entry.parsed);
      else this.totals.remove(entry.parsed);
      entry.counted = count;
    }
  }

  private replaceFindings(entry: Entry, findings: Finding[]): void {
    const old = entry.findings;
    if (old === findings) return;
    // Indexed loops: most lists are the frozen NONE, and for-of over a frozen array allocates an iterator.
    for (let i = 0; i < old.length; i++) {
      this.counts[old[i].severity] -= 1;
      if (!this.bulk) removeSorted(this.sorted, old[i]);
    }
    for (let i = 0; i < findings.length; i++) {
      this.counts[findings[i].severity] += 1;
      if (!this.bulk) insertSorted(this.sorted, findings[i]);
    }
    entry.findings = findings;
    if (old.length > 0 || findings.length > 0) this.dirtyIds.add(entry.parsed.rowId);
  }

  private setRejected(id: string, rejected: boolean): void {
    if (this.rejectedHandedOut) {
      this.rejected = new Set(this.rejected);
      this.rejectedHandedOut = false;
    }
    if (rejected) this.rejected.add(id);
    else this.rejected.delete(id);
  }

  /** Rebuilds the per-row-id view (rowFindings, rejectedRowIds) of the row ids an edit touched. */
  private flushDirtyIds(): void {
    for (const id of this.dirtyIds) {
      const group = this.byId.group(id);
      const removed = this.removed.get(id);
      const list = idFindings(group, removed);
      if (list.length > 0) this.byRowId.set(id, list);
      else this.byRowId.delete(id);
      const rejected = removed !== undefined || !allAccepted(group);
      if (rejected !== this.rejected.has(id)) this.setRejected(id, rejected);
    }
    this.dirtyIds.clear();
  }
}

/**
 * The rows held, oldest first. An array with tombstones rather than a Map keyed by a sequence number:
 * a full load appends every row and a Map entry per row is what it would pay for; an edit removes one.
 */
class EntryList {
  private list: Entry[] = [];
  size = 0;

  add(entry: Entry): void {
    entry.held = true;
    this.list.push(entry);
    this.size += 1;
  }

  remove(entry: Entry): void {
    if (!entry.held) return;
    entry.held = false;
    this.size -= 1;
    if (this.list.length > 2 * this.size + 64) this.list = this.values(); // more tombstones than rows
  }

  values(): Entry[] {
    return this.list.filter((e) => e.held);
  }

  clear(): void {
    this.list = [];
    this.size = 0;
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

/** Rows by a key; a single row is stored as itself (most keys have one row, and arrays cost memory). */
class Groups {
  private readonly map = new Map<string, Entry | Entry[]>();

  add(key: string, entry: Entry): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, entry);
    else if (Array.isArray(current)) current.push(entry);
    else this.map.set(key, [current, entry]);
  }

  remove(key: string, entry: Entry): void {
    const current = this.map.get(key);
    if (current === entry) this.map.delete(key);
    else if (Array.isArray(current)) {
      const i = current.indexOf(entry);
      if (i >= 0) current.splice(i, 1);
      if (current.length === 1) this.map.set(key, current[0]);
      else if (current.length === 0) this.map.delete(key);
    }
  }

  /** The rows under a key, oldest first (a fresh array). */
  members(key: string): Entry[] {
    const current = this.map.get(key);
    if (current === undefined) return [];
    return Array.isArray(current) ? current.slice() : [current];
  }

  first(key: string): Entry | undefined {
    const current = this.map.get(key);
    return Array.isArray(current) ? current[0] : current;
  }

  /** The rows under a key as held: one row as itself, several as the group's own array (not to be changed). */
  group(key: string): Entry | readonly Entry[] | undefined {
    return this.map.get(key);
  }

  /** Every key with its rows as group() gives them. */
  forEachGroup(visit: (key: string, group: Entry | readonly Entry[]) => void): void {
    this.map.forEach((value, key) => visit(key, value));
  }

  /** Keys held by more than one row. */
  forEachShared(visit: (key: string) => void): void {
    this.map.forEach((value, key) => {
      if (Array.isArray(value)) visit(key);
    });
  }

  clear(): void {
    this.map.clear();
  }
}

/** The row of a group of one (Groups holds a lone row as itself), or null. */
function single(group: Entry | readonly Entry[]): Entry | null {
  return Array.isArray(group) ? null : (group as Entry);
}

/** How many rows a group holds (Groups keeps a lone row as itself), without a copy. */
function sizeOf(group: Entry | readonly Entry[] | undefined): number {
  return group === undefined ? 0 : Array.isArray(group) ? group.length : 1;
}

function memberOf(group: Entry | readonly Entry[], i: number): Entry {
  return Array.isArray(group) ? (group as readonly Entry[])[i] : (group as Entry);
}

/**
 * The sorted findings of a row id: a lone row's own list as it is (already sorted, and never
 * changed once an entry holds it); the rare id with several rows or a removal gets a merged list.
 */
function idFindings(group: Entry | readonly Entry[] | undefined, removed: Finding | undefined): readonly Finding[] {
  const one = group === undefined ? null : single(group);
  if (one && removed === undefined) return one.findings;
  const list: Finding[] = [];
  for (let m = 0; m < sizeOf(group); m++) list.push(...memberOf(group as Entry | readonly Entry[], m).findings);
  if (removed !== undefined) list.push(removed);
  return list.sort(compareFindings);
}

function allAccepted(group: Entry | readonly Entry[] | undefined): boolean {
  for (let m = 0; m < sizeOf(group); m++) if (!memberOf(group as Entry | readonly Entry[], m).accepted) return false;
  return true;
}

/** First index whose finding does not sort before `f`. */
function lowerBound(list: readonly Finding[], f: Finding): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareFindings(list[mid], f) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: Finding[], f: Finding): void {
  list.splice(lowerBound(list, f), 0, f);
}

function removeSorted(list: Finding[], f: Finding): void {
  for (let i = lowerBound(list, f); i < list.length; i++) {
    if (list[i] === f) {
      list.splice(i, 1);
      return;
    }
    if (compareFindings(list[i], f) !== 0) break;
  }
  const i = list.indexOf(f); // equal-ranked neighbours: fall back to identity
  if (i >= 0) list.splice(i, 1);
}

function mergeSorted(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareFindings(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

export { checkAtsCofinancing, type ProgrammeCofinancing } from './cofinancing';
export { parseRow, normaliseRow } from '../rows/rows';
