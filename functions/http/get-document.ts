// GET /api/agreements/{agreement}/documents/{docId}[?partner=…] — download: the owning partner (its
// own space only), the PO of the document's programme, an admin. Documents are stored per partner:
// a PO or admin names the partner when several partners hold a document with this id (409 lists
// them otherwise). "Not yours" and "does not exist" are the same 404 (DOMAIN §11).
import { app } from '@azure/functions';
import { canReadReport, hasRole, isAdmin } from '../lib/auth';
import { findDocuments, readDocumentBytes, readDocumentMeta } from '../lib/documents-store';
import { HttpError } from '../lib/http-errors';
import { notYoursOrMissing, partnerOf } from '../lib/visibility';
import { DOC_ID } from '../../shared/contract';
import { defineRoute, handlerOf, httpOptions } from '../lib/route';
import { requireAgreement } from '../lib/submission-service';

export const getDocumentRoute = defineRoute({
  name: 'getDocument',
  methods: ['GET'],
  route: 'agreements/{agreement}/documents/{docId}',
  access: ['partner', 'po', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    const missing = () => notYoursOrMissing('Documento non trovato.');
    if (!DOC_ID.test(params.docId)) throw missing();
    const storage = deps.storage;
    await storage.ensure();
    const asked = request.query.get('partner') ?? undefined;
    const own = partnerOf(principal);
    let meta = own ? await readDocumentMeta(storage, agreement.id, params.docId, own) : undefined;
    if (!meta && (isAdmin(principal) || hasRole(principal, 'po'))) {
      const readable = (await findDocuments(storage, agreement.id, params.docId)).filter(
        (m) => canReadReport(principal, agreement.id, m.partner, m.programme) && (!asked || m.partner === asked),
      );
      if (readable.length > 1)
        throw new HttpError(
          409,
          'document_conflict',
          'Più enti hanno un documento con questo identificativo: indicare ?partner=.',
          { partners: readable.map((m) => m.partner) },
        );
      meta = readable[0];
    }
    if (!meta || !canReadReport(principal, agreement.id, meta.partner, meta.programme)) throw missing();
    const bytes = await readDocumentBytes(storage, meta);
    return {
      status: 200,
      body: bytes,
      headers: {
        'Content-Type': meta.contentType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
        'X-Content-SHA256': meta.sha256,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    };
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const getDocument = handlerOf(getDocumentRoute);

app.http(getDocumentRoute.name, httpOptions(getDocumentRoute));
