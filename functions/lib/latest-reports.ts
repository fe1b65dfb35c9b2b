// The current version ("head") of every partner report the sample and the reconciliation look at:
// one programme (or all) of one agreement year. Rows of different partners may share a row id, so
// readers qualify them as "partner/rowId" (qualifiedRowId) wherever rows of several partners meet.
import type { RowInput } from '../../shared/rows/rows';
import type { Storage } from './storage';
import { readSnapshot, type ReportKey } from './submissions-store';

export interface LatestReport {
  key: ReportKey;
  submissionId: string;
  version: number;
  /** Accepted rows of the current version (locked rows carried over included). */
  rows: RowInput[];
}

const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function qualifiedRowId(partner: string, rowId: string): string {
  return `${partner}/${rowId}`;
}

/** Splits "partner/rowId" (partner ids never contain "/"). */
export function splitQualifiedRowId(id: string): { partner: string; rowId: string } {
  const i = id.indexOf('/');
  return { partner: id.slice(0, i), rowId: id.slice(i + 1) };
}

export async function latestReports(
  storage: Storage,
  filter: { agreement: string; year: number; programme?: string },
): Promise<LatestReport[]> {
  const clauses = [
    `RowKey eq 'head'`,
    `agreement eq ${odataString(filter.agreement)}`,
    `year eq ${Math.trunc(filter.year)}`,
  ];
  if (filter.programme) clauses.push(`programme eq ${odataString(filter.programme)}`);
  const heads: { key: ReportKey; submissionId: string; version: number; blobName: string }[] = [];
  const entities = storage
    .table('submissions')
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: clauses.join(' and ') } });
  for await (const e of entities) {
    heads.push({
      key: {
        agreement: String(e.agreement),
        partner: String(e.partner),
        programme: String(e.programme),
        year: Number(e.year),
      },
      submissionId: String(e.submissionId),
      version: Number(e.version),
      blobName: String(e.blobName),
    });
  }
  heads.sort((a, b) => a.key.programme.localeCompare(b.key.programme) || a.key.partner.localeCompare(b.key.partner));
  const snapshots = await Promise.all(heads.map((h) => readSnapshot(storage, h.blobName)));
  return heads.map((h, i) => ({
    key: h.key,
    submissionId: h.submissionId,
    version: h.version,
    rows: snapshots[i].rows,
  }));
}
