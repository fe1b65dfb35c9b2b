import { buildOutcomeRequest } from '../../../addin/po/outcome-form';
import { buildReviewRequest } from '../../../addin/po/review-form';
import { defaultSemester, isPoToken, readPoClaims, semesters } from '../../../addin/po/po-claims';

const today = '2026-10-15';
const blank = { amount: '', reason: '', deadline: '' };

describe('outcome request (S5)', () => {
  it('requires a choice', () => {
    expect(buildOutcomeRequest({ outcome: '', ...blank }, today)).toEqual({
      ok: false,
      errors: [{ field: 'outcome', message: 'Scegliere un esito.' }],
    });
  });

  it('admits without further data', () => {
    expect(buildOutcomeRequest({ outcome: 'ammesso', ...blank }, today)).toEqual({
      ok: true,
      request: { outcome: 'ammesso' },
    });
  });

  it('reads a partial amount written the Italian way and sends it with two decimals', () => {
    expect(buildOutcomeRequest({ outcome: 'ammesso_parzialmente', ...blank, amount: '1.234,5' }, today)).toEqual({
      ok: true,
      request: { outcome: 'ammesso_parzialmente', amount: '1234.50' },
    });
    for (const amount of ['', 'mille', '0', '-5', '1,234']) {
      const r = buildOutcomeRequest({ outcome: 'ammesso_parzialmente', ...blank, amount }, today);
      if (amount === '1,234')
        expect(r.ok).toBe(false); // three decimals once read as Italian
      else expect(r).toMatchObject({ ok: false, errors: [{ field: 'amount' }] });
    }
  });

  it('requires a reason for a non-admission, trimmed', () => {
    expect(buildOutcomeRequest({ outcome: 'non_ammesso', ...blank, reason: '   ' }, today)).toMatchObject({
      ok: false,
      errors: [{ field: 'reason' }],
    });
    expect(buildOutcomeRequest({ outcome: 'non_ammesso', ...blank, reason: ' Buste paga mancanti ' }, today)).toEqual({
      ok: true,
      request: { outcome: 'non_ammesso', reason: 'Buste paga mancanti' },
    });
  });

  it('requires a future deadline for integrations', () => {
    expect(buildOutcomeRequest({ outcome: 'integrazioni_richieste', ...blank }, today)).toMatchObject({
      ok: false,
      errors: [{ field: 'deadline' }],
    });
    expect(buildOutcomeRequest({ outcome: 'integrazioni_richieste', ...blank, deadline: today }, today)).toMatchObject({
      ok: false,
    });
    expect(
      buildOutcomeRequest(
        { outcome: 'integrazioni_richieste', ...blank, deadline: '2026-10-30', reason: 'Contratto' },
        today,
      ),
    ).toEqual({
      ok: true,
      request: { outcome: 'integrazioni_richieste', deadline: '2026-10-30', reason: 'Contratto' },
    });
  });
});

describe('review request (S6)', () => {
  it('needs the submission, the row and a reason', () => {
    const r = buildReviewRequest({ submissionId: '', rowId: ' ', reason: '' });
    expect(r).toMatchObject({ ok: false });
    expect((r as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'submissionId',
      'rowId',
      'reason',
    ]);
    expect(buildReviewRequest({ submissionId: 's-1', rowId: ' r-9 ', reason: 'Spesa non pertinente' })).toEqual({
      ok: true,
      request: { submissionId: 's-1', rowId: 'r-9', decision: 'non_ammesso', reason: 'Spesa non pertinente' },
    });
  });
});

function token(payload: object): string {
  const b64 = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `eyJhbGciOiJFUzI1NiJ9.${b64}.sig`;
}

describe('PO claims', () => {
  it('reads roles (case-insensitive) and programmes', () => {
    const t = token({ roles: ['PO'], programmes: ['P1', 'P4'], sub: 'x' });
    expect(readPoClaims(t)).toEqual({ roles: ['po'], programmes: ['P1', 'P4'] });
    expect(isPoToken(t)).toBe(true);
    expect(isPoToken(token({ roles: ['partner'], partner: 'koala' }))).toBe(false);
    expect(isPoToken(null)).toBe(false);
    expect(readPoClaims('not-a-token')).toBeNull();
  });

  it('shows only the programmes of the agreement the pane is on, reading both claim forms', () => {
    const t = token({
      roles: ['po'],
      programmes: ['crema-2026-2028/P2', 'ambito-poverta-2026-2028/P1', 'P4', 'nowhere/P5', 'a/b/c'],
    });
    // Bare "P4" is Crema's (the default agreement), never the Ambito's.
    expect(readPoClaims(t)?.programmes).toEqual(['P2', 'P4']);
    expect(readPoClaims(t, 'crema-2026-2028')?.programmes).toEqual(['P2', 'P4']);
    expect(readPoClaims(t, 'ambito-poverta-2026-2028')?.programmes).toEqual(['P1']);
    expect(readPoClaims(token({ roles: ['po'], programmes: ['P1'] }), 'ambito-poverta-2026-2028')?.programmes).toEqual(
      [],
    );
  });

  it('picks the latest semester whose windows are locked', () => {
    expect(defaultSemester('2026-10-01')).toBe('2026-H1');
    expect(defaultSemester('2026-09-30')).toBe('2025-H2');
    expect(defaultSemester('2027-02-01')).toBe('2026-H2');
    expect(defaultSemester('2027-01-31')).toBe('2026-H1');
    expect(semesters(2026, 2027)).toEqual(['2026-H1', '2026-H2', '2027-H1', '2027-H2']);
  });
});
