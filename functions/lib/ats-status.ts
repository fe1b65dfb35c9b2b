// The ATS-wide position the lead partner reads (DOMAIN.md §11): per programme, each member's last
// report version (day, rows, errors, warnings, reported amounts and co-financing share) and the
// R20 position of the whole ATS from the reconciliation. Counts and amounts only: no row, name,
// tax code or pay of any member leaves this function.
import type { Agreement } from '../../shared/agreement/agreement';
import { romeDate, type IsoDate } from '../../shared/core/dates';
import { Money, ZERO, formatAmount, formatPercent, sum } from '../../shared/core/money';
import { reconcilableRow } from '../../shared/reconciliation/reconciliation-input';
import { normaliseRow } from '../../shared/rows/rows';
import { agreementIndex } from '../../shared/agreement/agreement-index';
import { latestReports } from './latest-reports';
import { reconciliationFor } from './reconciliation-service';
import type { Storage } from './storage';
import type { AtsMemberStatus, AtsStatusAnswer } from '../../shared/contract/ats';
import { listVersions } from './submissions-store';
import { drawnSemesters, readSample } from './samples-store';

export type MemberStatus = AtsMemberStatus;
export type AtsStatus = AtsStatusAnswer;

export async function atsStatus(
  storage: Storage,
  agreement: Agreement,
  year: number,
  asOf: IsoDate,
): Promise<AtsStatus> {
  await storage.ensure();
  const [versions, reports, reconciliation] = await Promise.all([
    listVersions(storage, { agreement: agreement.id, year }),
    latestReports(storage, { agreement: agreement.id, year }),
    reconciliationFor(storage, agreement, { year, asOf }),
  ]);
  const nameOf = (id: string) => agreement.partners.find((p) => p.id === id)?.name ?? id;
  const samples = await Promise.all(
    agreement.programmes.map(async (p) => {
      const drawn = [...(await drawnSemesters(storage, agreement.id, p.id))].filter((s) => s.startsWith(`${year}-`));
      const heads = await Promise.all(drawn.sort().map((s) => readSample(storage, agreement.id, p.id, s)));
      return heads.flatMap((h) =>
        h
          ? [
              {
                semester: h.snapshot.semester,
                population: h.snapshot.population,
                populationHash: h.snapshot.populationHash,
              },
            ]
          : [],
      );
    }),
  );
  const lookups = agreementIndex(agreement); // once for every row of every member
  const programmes = agreement.programmes.map((p, index) => {
    const members: MemberStatus[] = [];
    for (const report of reports.filter((r) => r.key.programme === p.id)) {
      const meta = versions.find(
        (v) => v.partner === report.key.partner && v.programme === p.id && v.version === report.version,
      );
      if (!meta) continue;
      const amounts = report.rows
        .map((row) => reconcilableRow({ rowId: row.rowId, values: normaliseRow(row, agreement, lookups).values }))
        .filter((r) => r !== null && r.programme === p.id);
      const municipal = sum(amounts.map((r) => r?.municipal ?? ZERO));
      const cofinancing = sum(amounts.map((r) => r?.cofinancing ?? ZERO));
      members.push({
        partner: report.key.partner,
        name: nameOf(report.key.partner),
        version: report.version,
        submittedOn: romeDate(new Date(meta.submittedAt)),
        rows: meta.rowCount,
        errors: meta.errors,
        warnings: meta.warnings,
        reported: { municipal: formatAmount(municipal), cofinancing: formatAmount(cofinancing) },
        cofinancingShare: formatPercent(cofinancing, municipal),
      });
    }
    members.sort((a, b) => a.name.localeCompare(b.name, 'it'));
    return {
      programme: p.id,
      title: p.title,
      members,
      membersWithoutReport: agreement.partners.length - members.length,
      samples: samples[index],
    };
  });
  return {
    agreement: agreement.id,
    year,
    asOf,
    leadPartner: agreement.leadPartner ?? null,
    programmes,
    ats: {
      due: reconciliation.ats.due,
      cofinancing: reconciliation.ats.cofinancing,
      cofinancingShare: reconciliation.ats.cofinancingShare,
      minimumShare: new Money(agreement.rules.cofinancing.minRate).times(100).toFixed(2),
      r20: reconciliation.ats.r20,
    },
  };
}
