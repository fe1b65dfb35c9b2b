// What the PO's sample card shows beside each drawn person (DOMAIN.md §11: the PO sees everything
// of its programmes): the partners whose rows put the person in the population, the person's
// reported cost in the semester and programme (from the frozen list), and the documents the
// partners uploaded for those rows. Only for the PO and the admin: a partner's view stays as it is.
import type { Storage } from './storage';
import { splitQualifiedRowId } from './latest-reports';
import type { PersonView, SampleView } from './sample-service';
import { readSample } from './samples-store';

export interface PersonDocument {
  docId: string;
  name: string;
  kind: string | null;
  partner: string;
  receivedAt: string;
}

export interface PersonDetails {
  partners: string[];
  reportedCost: string | null;
  documents: PersonDocument[];
}

const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function withPersonDetails(
  storage: Storage,
  agreement: string,
  view: SampleView,
): Promise<SampleView & { selected: (PersonView & PersonDetails)[] }> {
  const head = await readSample(storage, agreement, view.programme, view.semester);
  const documents: PersonDocument[] = [];
  const rowOf = new Map<string, PersonDocument[]>();
  const entities = storage.table('documents').listEntities<Record<string, unknown>>({
    queryOptions: {
      filter: `PartitionKey eq ${odataString(agreement)} and programme eq ${odataString(view.programme)}`,
    },
  });
  for await (const e of entities) {
    const doc: PersonDocument = {
      docId: String(e.rowKey),
      name: String(e.fileName),
      kind: e.kind ? String(e.kind) : null,
      partner: String(e.partner),
      receivedAt: String(e.uploadedAt),
    };
    documents.push(doc);
    if (!e.rowId) continue;
    const key = `${doc.partner}/${String(e.rowId)}`;
    rowOf.set(key, [...(rowOf.get(key) ?? []), doc]);
  }
  const selected = view.selected.map((person) => {
    const partners = [...new Set(person.rowIds.map((id) => splitQualifiedRowId(id).partner))].sort();
    const docs = person.rowIds.flatMap((id) => rowOf.get(id) ?? []);
    return {
      ...person,
      partners,
      reportedCost: head?.snapshot.frozen.costs[person.personId] ?? null,
      documents: [...new Map(docs.map((d) => [`${d.partner}/${d.docId}`, d])).values()].sort((a, b) =>
        a.receivedAt.localeCompare(b.receivedAt),
      ),
    };
  });
  return { ...view, selected };
}
