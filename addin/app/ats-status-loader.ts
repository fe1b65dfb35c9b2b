// GET /api/agreements/{a}/ats-status?year= for the ATS lead partner's section of the pane.
export interface AtsMemberStatus {
  partner: string;
  name: string;
  version: number;
  submittedOn: string;
  rows: number;
  errors: number;
  warnings: number;
  reported: { municipal: string; cofinancing: string };
  cofinancingShare: string;
}

export interface AtsStatusAnswer {
  agreement: string;
  year: number;
  asOf: string;
  leadPartner: string | null;
  programmes: {
    programme: string;
    title: string;
    members: AtsMemberStatus[];
    membersWithoutReport: number;
    samples?: { semester: string; population: number; populationHash: string }[];
  }[];
  ats: { due: string; cofinancing: string; cofinancingShare: string; minimumShare: string; r20: string };
}

export async function fetchAtsStatus(
  getToken: () => Promise<string | null>,
  agreement: string,
  year: number,
  fetcher: typeof fetch = (...args) => globalThis.fetch(...args),
  baseUrl = '/api',
): Promise<AtsStatusAnswer> {
  const token = await getToken();
  let response: Response;
  try {
    response = await fetcher(`${baseUrl}/agreements/${encodeURIComponent(agreement)}/ats-status?year=${year}`, {
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new Error('Servizio non raggiungibile: la situazione dell’ATS non è disponibile.');
  }
  const body = (await response.json().catch(() => null)) as (AtsStatusAnswer & { error?: { message?: string } }) | null;
  if (!response.ok || !body)
    throw new Error(body?.error?.message ?? `Situazione dell’ATS non disponibile (errore ${response.status}).`);
  return body;
}

/** The frozen population of a drawn sample (the lead partner may read it, DOMAIN S3). */
export async function fetchPopulationText(
  getToken: () => Promise<string | null>,
  agreement: string,
  programme: string,
  semester: string,
  fetcher: typeof fetch = (...args) => globalThis.fetch(...args),
  baseUrl = '/api',
): Promise<Uint8Array> {
  const token = await getToken();
  const url = `${baseUrl}/agreements/${encodeURIComponent(agreement)}/samples/${encodeURIComponent(programme)}/${encodeURIComponent(semester)}/population`;
  const response = await fetcher(url, {
    headers: { Accept: 'text/plain', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  }).catch(() => null);
  if (!response) throw new Error('Servizio non raggiungibile: riprova tra poco.');
  if (!response.ok) throw new Error(`Popolazione non disponibile (errore ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
