// GET /api/agreements/{agreement}/documents/{docId} — download: the owning partner, the PO of the
// document's programme, an admin.
import { app } from '@azure/functions';
import { canReadReport } from '../lib/auth';
import { readDocumentBytes, readDocumentMeta } from '../lib/documents-store';
import { forbidden, notFound } from '../lib/http-errors';
import { DOC_ID } from '../../shared/contract';
import { defineRoute, handlerOf, httpOptions } from '../lib/route';
import { requireAgreement } from '../lib/submission-service';

export const getDocumentRoute = defineRoute({
  name: 'getDocument',
  methods: ['GET'],
  route: 'agreements/{agreement}/documents/{docId}',
  access: ['partner', 'po', 'admin'],
  async handler({ principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    if (!DOC_ID.test(params.docId)) throw notFound('Documento non trovato.', { docId: params.docId });
    const storage = deps.storage;
    await storage.ensure();
    const meta = await readDocumentMeta(storage, agreement.id, params.docId);
    if (!meta) throw notFound('Documento non trovato.', { docId: params.docId });
    if (!canReadReport(principal, agreement.id, meta.partner, meta.programme)) throw forbidden();
    const bytes = await readDocumentBytes(storage, meta.sha256);
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
