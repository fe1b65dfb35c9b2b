// S5–S7 as a specification: what a PO and the ATS can do with each sampled person.
import { getAgreement } from '../../shared/agreement/agreements';
import {
  openRequest,
  applyOutcomeEvent,
  replayOutcome,
  nonAdmittedAmount,
  rowNonAdmission,
  projectedErrorRate,
  type SampledPersonOutcome,
  type OutcomeEvent,
} from '../../shared/sample/outcomes';
import { Money } from '../../shared/core/money';

const agreement = getAgreement('crema-2026-2028')!;
const PERSON = 'RSSMRA80A01H501U';

function run(events: OutcomeEvent[]): SampledPersonOutcome {
  const r = replayOutcome(agreement, PERSON, '2026-10-01', events);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}
function refused(state: SampledPersonOutcome, event: OutcomeEvent): string {
  const r = applyOutcomeEvent(agreement, state, event);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('S5 request and review', () => {
  it('a drawn person gets a request with deadline = draw date + 30 days', () => {
    expect(openRequest(agreement, PERSON, '2026-10-01')).toMatchObject({
      status: 'requested',
      requestedOn: '2026-10-01',
      requestDeadline: '2026-10-31',
      final: false,
    });
  });

  it('documents received → ammesso is final at once', () => {
    const s = run([
      { type: 'documents_received', on: '2026-10-10' },
      { type: 'decision', on: '2026-10-20', outcome: 'ammesso' },
    ]);
    expect(s).toMatchObject({ status: 'ammesso', final: true, decidedOn: '2026-10-20' });
    expect(s.contradictory).toBeUndefined();
    expect(refused(s, { type: 'decision', on: '2026-10-21', outcome: 'non_ammesso', reason: 'x' })).toBe(
      "L'esito è già definitivo (ammesso): non può essere modificato.",
    );
  });

  it('integrazioni richieste (deadline) → documents again → back to review', () => {
    const s = run([
      { type: 'documents_received', on: '2026-10-10' },
      {
        type: 'decision',
        on: '2026-10-12',
        outcome: 'integrazioni_richieste',
        deadline: '2026-10-27',
        reason: 'manca F24',
      },
    ]);
    expect(s).toMatchObject({ status: 'integrazioni_richieste', integrationDeadline: '2026-10-27', final: false });
    const back = applyOutcomeEvent(agreement, s, { type: 'documents_received', on: '2026-10-25' });
    expect(back.ok && back.state.status).toBe('documents_received');
  });
});

describe('S5 non-admission opens the contradictory step', () => {
  const decided = () =>
    run([
      { type: 'documents_received', on: '2026-10-10' },
      { type: 'decision', on: '2026-10-20', outcome: 'non_ammesso', reason: 'timesheet non firmato' },
    ]);

  it('the ATS is notified on the decision day and has 15 days for observations', () => {
    expect(decided()).toMatchObject({
      status: 'non_ammesso',
      reason: 'timesheet non firmato',
      final: false,
      contradictory: { notifiedOn: '2026-10-20', observationsDeadline: '2026-11-04' },
    });
  });

  it('observations by the deadline, then PO confirmation (final)', () => {
    const s = run([
      { type: 'documents_received', on: '2026-10-10' },
      { type: 'decision', on: '2026-10-20', outcome: 'non_ammesso', reason: 'timesheet non firmato' },
      { type: 'observations', on: '2026-11-03', text: 'Il timesheet firmato è allegato.' },
      { type: 'confirm', on: '2026-11-05' },
    ]);
    expect(s).toMatchObject({
      status: 'non_ammesso',
      final: true,
      contradictory: { observations: { on: '2026-11-03' } },
    });
  });

  it('the PO may accept the observations and revise the outcome when confirming', () => {
    const s = run([
      { type: 'decision', on: '2026-10-20', outcome: 'non_ammesso', reason: 'timesheet non firmato' },
      { type: 'observations', on: '2026-10-25', text: 'Allegato.' },
      { type: 'confirm', on: '2026-10-26', revised: { outcome: 'ammesso_parzialmente', amount: '800' } },
    ]);
    expect(s).toMatchObject({ status: 'ammesso_parzialmente', admittedAmount: '800.00', final: true });
  });

  it('late observations, early confirmation and observations without a non-admission are refused', () => {
    expect(refused(decided(), { type: 'observations', on: '2026-11-05', text: 'tardi' })).toBe(
      'Termine per le osservazioni scaduto il 04/11/2026.',
    );
    expect(refused(decided(), { type: 'confirm', on: '2026-11-01' })).toBe(
      "Conferma prematura: l'ATS può presentare osservazioni fino al 04/11/2026.",
    );
    const confirmedAfterDeadline = applyOutcomeEvent(agreement, decided(), { type: 'confirm', on: '2026-11-05' });
    expect(confirmedAfterDeadline.ok && confirmedAfterDeadline.state.final).toBe(true);
    const requested = openRequest(agreement, PERSON, '2026-10-01');
    expect(refused(requested, { type: 'observations', on: '2026-10-02', text: 'x' })).toBe(
      'Le osservazioni sono ammesse solo dopo una non ammissione (contraddittorio).',
    );
    expect(refused(requested, { type: 'confirm', on: '2026-10-02' })).toBe(
      "Non c'è un contraddittorio da concludere per questa persona.",
    );
  });

  it('ammesso parzialmente requires a valid amount and opens the contradictory step', () => {
    const requested = openRequest(agreement, PERSON, '2026-10-01');
    expect(
      refused(requested, { type: 'decision', on: '2026-10-02', outcome: 'ammesso_parzialmente', amount: '12,5' }),
    ).toMatch(/Importo ammesso non valido/);
    const r = applyOutcomeEvent(agreement, requested, {
      type: 'decision',
      on: '2026-10-02',
      outcome: 'ammesso_parzialmente',
      amount: '700.5',
    });
    expect(r.ok && r.state).toMatchObject({
      status: 'ammesso_parzialmente',
      admittedAmount: '700.50',
      contradictory: { observationsDeadline: '2026-10-17' },
    });
  });

  it('a non-admission needs a reason; dates cannot go backwards; a second decision is refused', () => {
    const requested = openRequest(agreement, PERSON, '2026-10-01');
    expect(refused(requested, { type: 'decision', on: '2026-10-02', outcome: 'non_ammesso', reason: ' ' })).toBe(
      'La motivazione della non ammissione è obbligatoria.',
    );
    expect(refused(requested, { type: 'documents_received', on: '2026-09-30' })).toBe(
      "La data 30/09/2026 precede l'ultimo passaggio registrato (01/10/2026).",
    );
    expect(refused(decided(), { type: 'decision', on: '2026-10-21', outcome: 'ammesso' })).toBe(
      'Esito già registrato (non ammesso): si può solo concludere il contraddittorio.',
    );
  });

  it('a refused event leaves the state as it was', () => {
    const s = decided();
    const copy = JSON.parse(JSON.stringify(s));
    applyOutcomeEvent(agreement, s, { type: 'observations', on: '2027-01-01', text: 'x' });
    expect(s).toEqual(copy);
  });
});

describe('non-admitted amount of a sampled person (feeds C reconciliation)', () => {
  const cost = new Money('1500.50');
  it.each([
    [[{ type: 'decision', on: '2026-10-20', outcome: 'ammesso' }], '0.00'],
    [[{ type: 'decision', on: '2026-10-20', outcome: 'non_ammesso', reason: 'r' }], '1500.50'],
    [[{ type: 'decision', on: '2026-10-20', outcome: 'ammesso_parzialmente', amount: '1000' }], '500.50'],
    [[], '0.00'],
  ] as [OutcomeEvent[], string][])('%j → %s', (events, expected) => {
    expect(nonAdmittedAmount(run(events), cost).toFixed(2)).toBe(expected);
  });
});

describe('S6 single-row non-admission', () => {
  it('records submission, row and reason', () => {
    expect(rowNonAdmission({ submissionId: 'sub-1', rowId: 'r-7', reason: ' spesa non pertinente ' })).toEqual({
      ok: true,
      value: { submissionId: 'sub-1', rowId: 'r-7', reason: 'spesa non pertinente', decidedOn: undefined },
    });
  });
  it('a reason is required', () => {
    expect(rowNonAdmission({ submissionId: 'sub-1', rowId: 'r-7', reason: '' })).toEqual({
      ok: false,
      error: 'La motivazione della non ammissione della riga è obbligatoria (S6).',
    });
    expect(rowNonAdmission({ submissionId: 'sub-1', reason: 'x' }).ok).toBe(false);
  });
});

describe('S7 projected error rate (information only)', () => {
  it('non-admitted 1,200 of 24,000 sampled = 5.00%, projected on 300,000 personnel cost = 15,000', () => {
    const p = projectedErrorRate({
      sampled: new Money('24000'),
      nonAdmitted: new Money('1200'),
      personnelCost: new Money('300000'),
    });
    expect(p).toMatchObject({ rate: '5.00', projected: '15000.00', informationOnly: true });
    expect(p.inputs).toEqual({ campionato: '24000.00', nonAmmesso: '1200.00', costoPersonale: '300000.00' });
  });
  it('nothing sampled → 0%', () => {
    expect(
      projectedErrorRate({ sampled: new Money(0), nonAdmitted: new Money(0), personnelCost: new Money('1000') }).rate,
    ).toBe('0.00');
  });
});
