// Pure reading of a documentation request (S4–S5) for the partner: Italian labels, overdue and
// whether the contradictory step still waits for the partner's observations. Kept apart from the
// DOM so the rules the partner sees are unit-tested.
import { formatDateIt } from '../../shared/core/dates';
import type { SampledPerson } from '../po/po-types';

/** The kinds a partner sends for a sampled person (personnel documentation only). */
export const REQUEST_DOCUMENT_KINDS = ['cedolino', 'timesheet', 'pagamento', 'F24'] as const;

const LABELS: Record<string, string> = {
  requested: 'Documentazione richiesta',
  documents_received: 'Documentazione ricevuta',
  integrazioni_richieste: 'Integrazioni richieste',
  ammesso: 'Ammesso',
  ammesso_parzialmente: 'Ammesso parzialmente',
  non_ammesso: 'Non ammesso',
};

/** "gg/mm/aaaa"; an unreadable date is shown as it came rather than hidden. */
export function formatDeadline(isoDate: string | undefined): string {
  if (!isoDate) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formatDateIt(isoDate) : isoDate;
}

/** The deadline the partner must meet now: the integration one when the PO asked for more. */
export function currentDeadline(person: SampledPerson): string {
  if (person.status === 'integrazioni_richieste' && person.outcome?.deadline) return person.outcome.deadline;
  return person.requestDeadline;
}

/** Only a request still waiting for documents can be late; ISO dates compare as strings. */
export function isOverdue(person: SampledPerson, today: string): boolean {
  if (person.status !== 'requested' && person.status !== 'integrazioni_richieste') return false;
  const deadline = currentDeadline(person);
  return deadline !== '' && today > deadline;
}

/** A (partial) non-admission, not yet confirmed, with no observations sent and the step still open. */
export function awaitsObservations(person: SampledPerson, today: string): boolean {
  if (person.status !== 'non_ammesso' && person.status !== 'ammesso_parzialmente') return false;
  if (person.final || person.observations.length > 0) return false;
  return !person.observationDeadline || today <= person.observationDeadline;
}

export function requestStatusLabel(person: SampledPerson, today: string): string {
  const base = LABELS[person.status] ?? person.status;
  if (awaitsObservations(person, today)) {
    const until = person.observationDeadline ? ` entro il ${formatDeadline(person.observationDeadline)}` : '';
    return `${base} – osservazioni ammesse${until}`;
  }
  if (isOverdue(person, today)) return `${base} – scaduta`;
  return base;
}
