// Loads the documentation requests addressed to the partner (both semesters of a year) through the
// PO client: the routes are the same, the server narrows the answer to the partner's own persons.
import { apiBaseUrl } from '../api/api-base';
import { ApiClient } from '../api/client';
import { createPoApi, type PoApi } from '../po/po-api';
import type { SampledPerson } from '../po/po-types';
import { renderRequestsPanel, type SemesterRequests } from '../ui/requests-panel';
import { documentId } from '../ui/documents-panel';

export async function loadPartnerRequests(
  api: Pick<PoApi, 'getSample'>,
  programme: string,
  year: number,
): Promise<SemesterRequests[]> {
  const semesters = [`${year}-H1`, `${year}-H2`];
  return Promise.all(
    semesters.map(async (semester): Promise<SemesterRequests> => {
      try {
        return { semester, sample: await api.getSample(programme, semester) };
      } catch (error) {
        return { semester, sample: null, error: error instanceof Error ? error.message : 'Richieste non disponibili.' };
      }
    }),
  );
}

export interface PartnerRequestsDeps {
  agreement: string;
  getToken: () => Promise<string | null>;
  uploader: ApiClient;
  today: () => string;
}

/** The panel's controller: reloads on context changes and after every action. */
export class PartnerRequests {
  private readonly api: PoApi;
  private current: { programme: string; year: number } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: PartnerRequestsDeps,
  ) {
    this.api = createPoApi({
      baseUrl: apiBaseUrl(),
      agreement: deps.agreement,
      getToken: async () => (await deps.getToken()) ?? '',
      fetch: (url, init) => globalThis.fetch(url, init),
    });
  }

  /** `notice` survives the redraw (the form that asked for it is gone after it). */
  async reload(programme: string, year: number, notice?: string): Promise<void> {
    this.current = { programme, year };
    const data = await loadPartnerRequests(this.api, programme, year);
    // A later context change wins over a slower earlier answer.
    if (this.current.programme !== programme || this.current.year !== year) return;
    renderRequestsPanel(this.root, data, this.deps.today(), notice, {
      upload: (semester, person, file, kind) => this.upload(programme, person, file, kind),
      observe: async (semester, person, text) => {
        await this.api.sendObservations(programme, semester, String(person.rank ?? person.personId), text);
        await this.reload(programme, year, 'Osservazioni inviate.');
        return 'Osservazioni inviate.';
      },
    });
  }

  private async upload(programme: string, person: SampledPerson, file: File, kind: string): Promise<string> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const meta = await this.deps.uploader.uploadDocument(this.deps.agreement, await documentId(bytes), bytes, {
      programme,
      rowId: person.rowIds[0],
      kind,
      fileName: file.name,
    });
    return `Documento «${meta.fileName}» (${kind}) inviato.`;
  }
}
