// GET /api/agreements/{agreement}/submissions[?programme&partner&year] — committed versions the
// caller may see: a partner its own, a PO its programmes of this agreement, an admin everything.
import { app } from '@azure/functions';
import { hasRole, isAdmin, isPoOf } from '../lib/auth';
import { forbidden } from '../lib/http-errors';
import { parseBody } from '../lib/request-body';
import { SubmissionListQuerySchema, type SubmissionListAnswer } from '../../shared/contract';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { requireAgreement } from '../lib/submission-service';
import { listVersions } from '../lib/submissions-store';

export const listSubmissionsRoute = defineRoute({
  name: 'listSubmissions',
  methods: ['GET'],
  route: 'agreements/{agreement}/submissions',
  access: ['partner', 'po', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    const query = parseBody(SubmissionListQuerySchema, Object.fromEntries(request.query.entries()));
    const storage = deps.storage;
    await storage.ensure();
    let versions;
    if (isAdmin(principal)) {
      versions = await listVersions(storage, { agreement: agreement.id, ...query });
    } else {
      const asPartner =
        hasRole(principal, 'partner') &&
        principal.partner !== undefined &&
        (query.partner ?? principal.partner) === principal.partner;
      // The PO's scope is (agreement, programme) pairs: only those of this route's agreement count.
      const asPo =
        hasRole(principal, 'po') && (query.programme === undefined || isPoOf(principal, agreement.id, query.programme));
      if (!asPartner && !asPo) throw forbidden('Non puoi consultare i rendiconti richiesti.');
      const all = await listVersions(storage, { agreement: agreement.id, ...query });
      versions = all.filter(
        (v) => (asPartner && v.partner === principal.partner) || (asPo && isPoOf(principal, agreement.id, v.programme)),
      );
    }
    return answer<SubmissionListAnswer>(200, { submissions: versions.map(({ blobName: _blob, ...meta }) => meta) });
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const listSubmissions = handlerOf(listSubmissionsRoute);

app.http(listSubmissionsRoute.name, httpOptions(listSubmissionsRoute));
