// The draw as the server records it (S1–S5 together): a frozen population, the seed and the day
// of the draw in; the stored sample (the draw route's answer) and one open request per drawn
// person out. The draw route and the daily timer only load the population and store the result.
import type { Agreement } from '../agreement/agreement';
import type { IsoDate } from '../core/dates';
import { formatDateIt } from '../core/dates';
import { renderIt } from '../findings/messages.it';
import { openRequest, type OutcomeStatus, type SampledPersonOutcome } from './outcomes';
import { drawSample, isSemesterDue, semesterLockDate, type FrozenPopulation, type SamplingMethod } from './sampling';

export interface StoredSample {
  agreement: string;
  programme: string;
  semester: string;
  seed: string;
  method: SamplingMethod;
  rate: string;
  populationHash: string;
  /** N, the size of the frozen population. */
  population: number;
  n: number;
  drawnOn: IsoDate;
  selected: { personId: string; rank: number; key: string; requestDeadline: IsoDate; status: OutcomeStatus }[];
}

export type SampleDrawResult =
  { ok: true; sample: StoredSample; outcomes: SampledPersonOutcome[] } | { ok: false; error: string };

export interface DrawRequest {
  population: FrozenPopulation;
  seed: string;
  method?: SamplingMethod;
  /** Default: agreement.rules.sampling.rate. */
  rate?: string;
  /** Rome calendar day of the draw; the semester must be due on it (S1, S4). */
  drawnOn: IsoDate;
}

export function drawFrozenSample(agreement: Agreement, req: DrawRequest): SampleDrawResult {
  const { population } = req;
  if (!isSemesterDue(agreement, population.semester, req.drawnOn)) {
    const lock = semesterLockDate(agreement, population.semester);
    return {
      ok: false,
      error: lock
        ? renderIt('S4.notDue', { semestre: population.semester, chiusura: formatDateIt(lock) })
        : renderIt('S1.semester', {}),
    };
  }
  const draw = drawSample({
    seed: req.seed,
    agreement: agreement.id,
    programme: population.programme,
    semester: population.semester,
    persons: population.persons,
    costs: population.costs,
    method: req.method,
    rate: req.rate ?? agreement.rules.sampling.rate,
  });
  if (!draw.ok) return draw;
  const outcomes = draw.selected.map((s) => openRequest(agreement, s.personId, req.drawnOn));
  return {
    ok: true,
    outcomes,
    sample: {
      agreement: agreement.id,
      programme: population.programme,
      semester: population.semester,
      seed: req.seed,
      method: draw.method,
      rate: draw.rate,
      populationHash: draw.populationHash,
      population: draw.population,
      n: draw.n,
      drawnOn: req.drawnOn,
      selected: draw.selected.map((s, i) => ({
        ...s,
        requestDeadline: outcomes[i].requestDeadline,
        status: outcomes[i].status,
      })),
    },
  };
}
