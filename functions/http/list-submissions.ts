// GET /api/agreements/{agreement}/submissions[?programme&partner&year] — committed versions the
// caller may see: a partner its own, a PO its programmes of this agreement, an admin everything.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { hasRole, isAdmin, isPoOf } from '../lib/auth';
import { forbidden } from '../lib/http-errors';
import { parseBody } from '../lib/request-body';
import { SubmissionListQuerySchema } from '../lib/request-schemas';
import { defineRoute, httpOptions, json } from '../lib/route';
import { getStorage } from '../lib/storage';
import { requireAgreement } from '../lib/submission-service';
import { listVersions } from '../lib/submissions-store';

export const listSubmissionsRoute = defineRoute({
  name: 'listSubmissions',
  methods: ['GET'],
  route: 'agreements/{agreement}/submissions',
  access: ['partner', 'po', 'admin'],
  async handler({ request, principal, params }) {
    const agreement = requireAgreement(params.agreement);
    const query = parseBody(SubmissionListQuerySchema, Object.fromEntries(request.query.entries()));
    const storage = getStorage();
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
    return json(200, { submissions: versions.map(({ blobName: _blob, ...meta }) => meta) });
  },
});

export async function listSubmissions(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return listSubmissionsRoute.handler(request, context);
}

app.http(listSubmissionsRoute.name, httpOptions(listSubmissionsRoute));
