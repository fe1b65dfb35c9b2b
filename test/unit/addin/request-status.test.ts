import {
  awaitsObservations,
  currentDeadline,
  formatDeadline,
  isOverdue,
  requestStatusLabel,
} from '../../../addin/app/request-status';
import type { SampledPerson } from '../../../addin/po/po-types';

const person = (over: Partial<SampledPerson> = {}): SampledPerson => ({
  rank: 1,
  personId: 'RSSMRA80A01H501U',
  requestDeadline: '2026-10-31',
  status: 'requested',
  documents: [],
  final: false,
  contradictory: false,
  rowIds: ['p-1'],
  observations: [],
  ...over,
});

describe('documentation request labels', () => {
  it('formats deadlines as gg/mm/aaaa', () => {
    expect(formatDeadline('2026-10-31')).toBe('31/10/2026');
    expect(formatDeadline(undefined)).toBe('—');
    expect(formatDeadline('domani')).toBe('domani');
  });

  it('is overdue only while documents are awaited, after the deadline', () => {
    expect(isOverdue(person(), '2026-10-31')).toBe(false);
    expect(isOverdue(person(), '2026-11-01')).toBe(true);
    expect(requestStatusLabel(person(), '2026-11-01')).toBe('Documentazione richiesta – scaduta');
    expect(isOverdue(person({ status: 'documents_received' }), '2026-12-01')).toBe(false);
  });

  it('uses the integration deadline when the PO asked for more', () => {
    const p = person({
      status: 'integrazioni_richieste',
      outcome: { outcome: 'integrazioni_richieste', deadline: '2026-11-20' },
    });
    expect(currentDeadline(p)).toBe('2026-11-20');
    expect(isOverdue(p, '2026-11-10')).toBe(false);
    expect(requestStatusLabel(p, '2026-11-10')).toBe('Integrazioni richieste');
  });

  it('waits for observations after a non-admission until the step closes', () => {
    const p = person({ status: 'non_ammesso', contradictory: true, observationDeadline: '2026-10-17' });
    expect(awaitsObservations(p, '2026-10-17')).toBe(true);
    expect(requestStatusLabel(p, '2026-10-05')).toBe('Non ammesso – osservazioni ammesse entro il 17/10/2026');
    expect(awaitsObservations(p, '2026-10-18')).toBe(false);
    expect(awaitsObservations({ ...p, observations: [{ text: 'x' }] }, '2026-10-05')).toBe(false);
    expect(awaitsObservations({ ...p, final: true }, '2026-10-05')).toBe(false);
    expect(requestStatusLabel(person({ status: 'ammesso', final: true }), '2026-10-05')).toBe('Ammesso');
  });
});
