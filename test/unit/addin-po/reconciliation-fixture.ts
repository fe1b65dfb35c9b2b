// A reconciliation answer in the shape of ARCHITECTURE.md, with figures that follow C1–C5 for two
// programmes, and partner text that tries formula injection through row ids.
import type { ReconciliationAnswerAsRead } from '../../../shared/reconciliation/reconciliation-answer';

export const INJECTED_ROW_ID = '=HYPERLINK("http://evil.example","clic")';
export const INJECTED_ROW_ID_2 = "+cmd|' /C calc'!A0";

export function reconciliationFixture(): ReconciliationAnswerAsRead {
  return {
    agreement: 'crema-2026-2028',
    year: 2026,
    asOf: '2027-02-01',
    policy: 'reduce',
    programmes: [
      {
        programme: 'P1',
        budget: { municipal: '722461.31', cofinancing: '88436.17', planned: '810897.48' },
        reported: { municipal: '700000.00', cofinancing: '90000.00' },
        excluded: [
          { reason: 'R14', amount: '1200.00', rowIds: ['koala-beni-12', INJECTED_ROW_ID] },
          { reason: 'S5', amount: '3500.00', rowIds: ['koala-pers-3'] },
        ],
        admitted: { municipal: '695300.00', cofinancing: '90000.00', total: '785300.00' },
        contribution: { proportional: '699655.48', cappedByAdmitted: '695300.00', due: '695300.00' },
        cofinancingShare: '12.94',
        tranches: { first: '433476.79', second: '216738.39', balance: '45084.82' },
        toRecover: '0.00',
        trail: [
          { step: 'C1', formula: 'P = B + F', inputs: { B: '722461.31', F: '88436.17' }, result: '810897.48' },
          { step: 'C1', formula: 'A = A_c + A_f', inputs: { A_c: '695300.00', A_f: '90000.00' }, result: '785300.00' },
          {
            step: 'C2',
            formula: 'D1 = B × min(1, A / P)',
            inputs: { B: '722461.31', A: '785300.00', P: '810897.48' },
            result: '699655.48',
          },
          {
            step: 'C3',
            formula: 'D2 = min(D1, A_c)',
            inputs: { D1: '699655.48', A_c: '695300.00' },
            result: '695300.00',
          },
          {
            step: 'C4',
            formula: 'D = D2 (cofinanziamento ATS ≥ 10%)',
            inputs: { D2: '695300.00' },
            result: '695300.00',
          },
          { step: 'C5', formula: 'T1 = 60% × B', inputs: { B: '722461.31' }, result: '433476.79' },
          { step: 'C5', formula: 'T2 = 30% × B', inputs: { B: '722461.31' }, result: '216738.39' },
          {
            step: 'C5',
            formula: 'T3 = D − T1 − T2',
            inputs: { D: '695300.00', T1: '433476.79', T2: '216738.39' },
            result: '45084.82',
          },
        ],
      },
      {
        programme: 'P4',
        budget: { municipal: '196406.30', cofinancing: '18793.08', planned: '215199.38' },
        reported: { municipal: '151000.00', cofinancing: '12000.00' },
        excluded: [{ reason: 'S6', amount: '1000.00', rowIds: [INJECTED_ROW_ID_2] }],
        admitted: { municipal: '150000.00', cofinancing: '12000.00', total: '162000.00' },
        contribution: { proportional: '147852.75', cappedByAdmitted: '147852.75', due: '147852.75' },
        cofinancingShare: '8.12',
        tranches: { first: '117843.78', second: '58921.89', balance: '0.00' },
        toRecover: '28912.92',
        trail: [
          { step: 'C1', formula: 'P = B + F', inputs: { B: '196406.30', F: '18793.08' }, result: '215199.38' },
          { step: 'C1', formula: 'A = A_c + A_f', inputs: { A_c: '150000.00', A_f: '12000.00' }, result: '162000.00' },
          {
            step: 'C2',
            formula: 'D1 = B × min(1, A / P)',
            inputs: { B: '196406.30', A: '162000.00', P: '215199.38' },
            result: '147852.75',
          },
          {
            step: 'C3',
            formula: 'D2 = min(D1, A_c)',
            inputs: { D1: '147852.75', A_c: '150000.00' },
            result: '147852.75',
          },
          {
            step: 'C4',
            formula: 'D = D2 (cofinanziamento ATS ≥ 10%)',
            inputs: { D2: '147852.75' },
            result: '147852.75',
          },
          { step: 'C5', formula: 'T1 = 60% × B', inputs: { B: '196406.30' }, result: '117843.78' },
          { step: 'C5', formula: 'T2 = 30% × B', inputs: { B: '196406.30' }, result: '58921.89' },
          {
            step: 'C5',
            formula: 'T3 = D − T1 − T2',
            inputs: { D: '147852.75', T1: '117843.78', T2: '58921.89' },
            result: '-28912.92',
          },
        ],
      },
    ],
    ats: { due: '843152.75', cofinancing: '102000.00', cofinancingShare: '12.10', r20: 'ok' },
  };
}

/** The answer's string for a figure key of the layout (`P1.admitted.total`, `ats.due`, …). */
export function wireOf(answer: ReconciliationAnswerAsRead, key: string): string {
  const [owner, ...path] = key.split('.');
  if (owner === 'ats') return String((answer.ats as unknown as Record<string, unknown>)[path[0]]);
  const programme = answer.programmes.find((p) => p.programme === owner);
  if (!programme) throw new Error(`no programme ${owner}`);
  if (path.join('.') === 'reported.total') {
    return (
      BigInt(programme.reported.municipal.replace('.', '')) + BigInt(programme.reported.cofinancing.replace('.', ''))
    )
      .toString()
      .replace(/(\d{2})$/, '.$1');
  }
  if (path.join('.') === 'excluded.total') {
    const cents = programme.excluded.reduce((s, e) => s + BigInt(e.amount.replace('.', '')), 0n);
    return cents
      .toString()
      .padStart(3, '0')
      .replace(/(\d{2})$/, '.$1');
  }
  let node: unknown = programme;
  for (const part of path) {
    const m = /^(\w+)\[(\d+)\]$/.exec(part);
    node = m ? (node as Record<string, unknown[]>)[m[1]][Number(m[2])] : (node as Record<string, unknown>)[part];
  }
  return String(node);
}
