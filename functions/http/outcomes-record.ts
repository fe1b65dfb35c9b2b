// POST /api/agreements/{agreement}/samples/{programme}/{semester}/outcomes/{person} — S5.
// {person} is the rank in the draw order (preferred: URLs reach logs) or the person id.
//   PO of the programme: { outcome, amount?, reason?, deadline? } (decision),
//                        { confirm: true, outcome?, amount?, reason? } (close the contradictory step),
//                        { documentsReceived: true };
//   partner concerned:   { observations } during the contradictory step.
// Illegal transitions answer 409 with the Italian reason; malformed bodies 422.
import { app } from '@azure/functions';
import { romeDate } from '../../shared/core/dates';
import { actorOf, hasRole, isAdmin } from '../lib/auth';
import { forbidden } from '../lib/http-errors';
import { findSelected, loadSampleOrFail, recordOutcome, type OutcomeCommand } from '../lib/outcome-service';
import { requirePoOf } from '../lib/po-scope';
import { parseBody, readJson } from '../lib/request-body';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import {
  ConfirmBodySchema,
  DecisionBodySchema,
  DocumentsReceivedBodySchema,
  ObservationsBodySchema,
  type OutcomeAnswer,
} from '../../shared/contract';
import { checkProgrammeSemester, loadSampleView, partnersOf } from '../lib/sample-service';
import { requireAgreement } from '../lib/submission-service';

export const recordOutcomeRoute = defineRoute({
  name: 'recordOutcome',
  methods: ['POST'],
  route: 'agreements/{agreement}/samples/{programme}/{semester}/outcomes/{person}',
  access: ['po', 'partner', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    const raw = await readJson(request, 64 * 1024);
    const isObservations = raw !== null && typeof raw === 'object' && 'observations' in raw;
    if (isObservations) {
      if (!isAdmin(principal) && !(hasRole(principal, 'partner') && principal.partner)) {
        throw forbidden("Le osservazioni sono presentate dall'ente a cui è rivolta la richiesta.");
      }
    } else {
      requirePoOf(principal, agreement.id, params.programme);
    }
    const command = commandOf(raw, isObservations);
    checkProgrammeSemester(agreement, params.programme, params.semester);
    const storage = deps.storage;
    const snapshot = await loadSampleOrFail(storage, agreement, params.programme, params.semester);
    const person = findSelected(snapshot, params.person);
    if (
      isObservations &&
      !isAdmin(principal) &&
      !partnersOf(snapshot, person.personId).includes(principal.partner as string)
    ) {
      throw forbidden('La richiesta di documentazione non è rivolta al tuo ente.');
    }
    const result = await recordOutcome(
      deps,
      agreement,
      snapshot,
      person,
      command,
      actorOf(principal),
      romeDate(deps.clock()),
    );
    const partner = isObservations && !isAdmin(principal) ? principal.partner : undefined;
    const view = await loadSampleView(storage, agreement, params.programme, params.semester, partner);
    return answer<OutcomeAnswer | undefined>(
      201,
      view.selected.find((p) => p.rank === result.rank),
    );
  },
});

function commandOf(raw: unknown, isObservations: boolean): OutcomeCommand {
  if (isObservations) return { type: 'observations', text: parseBody(ObservationsBodySchema, raw).observations };
  const body = (raw ?? {}) as Record<string, unknown>;
  if (typeof body === 'object' && 'confirm' in body) {
    const c = parseBody(ConfirmBodySchema, raw);
    if (c.outcome === undefined) return { type: 'confirm' };
    if (c.outcome === 'ammesso') return { type: 'confirm', revised: { outcome: 'ammesso' } };
    if (c.outcome === 'ammesso_parzialmente')
      return { type: 'confirm', revised: { outcome: 'ammesso_parzialmente', amount: c.amount as string } };
    return { type: 'confirm', revised: { outcome: 'non_ammesso', reason: c.reason as string } };
  }
  if (typeof body === 'object' && 'documentsReceived' in body) {
    parseBody(DocumentsReceivedBodySchema, raw);
    return { type: 'documents_received' };
  }
  return { type: 'decision', ...parseBody(DecisionBodySchema, raw) };
}

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const recordSampleOutcome = handlerOf(recordOutcomeRoute);

app.http(recordOutcomeRoute.name, httpOptions(recordOutcomeRoute));
