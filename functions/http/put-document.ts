// PUT /api/agreements/{agreement}/documents/{docId}?programme=P1[&rowId&kind&fileName] — upload a
// supporting document (raw bytes: PDF, PNG or JPEG, sniffed from the bytes; size cap 10 MiB).
// Checks run before anything is written, so a refused upload leaves storage untouched.
import { app, type HttpResponseInit } from '@azure/functions';
import { findProgramme } from '../../shared/agreement/agreement';
import { actorOf } from '../lib/auth';
import { appendAudit } from '../lib/audit';
import {
  DOCUMENT_SIZE_LIMIT,
  readDocumentMeta,
  sanitiseFileName,
  sha256OfBytes,
  sniffDocumentType,
  storeDocument,
  type DocumentMeta,
} from '../lib/documents-store';
import { HttpError, forbidden, notFound, unsupportedMediaType, validationFailed } from '../lib/http-errors';
import { parseBody, readBytes } from '../lib/request-body';
import { DOC_ID, DocumentQuerySchema } from '../../shared/contract';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { requireAgreement } from '../lib/submission-service';

export const putDocumentRoute = defineRoute({
  name: 'putDocument',
  methods: ['PUT'],
  route: 'agreements/{agreement}/documents/{docId}',
  access: ['partner'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    if (!DOC_ID.test(params.docId)) throw notFound('Documento non trovato.', { docId: params.docId });
    const query = parseBody(DocumentQuerySchema, Object.fromEntries(request.query.entries()));
    if (!findProgramme(agreement, query.programme)) {
      throw validationFailed([
        { path: '$.programme', message: `Programma "${query.programme}" non previsto dall'accordo.` },
      ]);
    }
    const partner = principal.partner as string; // requireRole guarantees it for 'partner'
    const bytes = await readBytes(request, DOCUMENT_SIZE_LIMIT);
    const contentType = sniffDocumentType(bytes);
    if (!contentType) {
      throw unsupportedMediaType('Formato non ammesso: sono accettati solo PDF, PNG e JPEG.', {
        accepted: ['application/pdf', 'image/png', 'image/jpeg'],
      });
    }
    const meta: DocumentMeta = {
      agreement: agreement.id,
      docId: params.docId,
      partner,
      programme: query.programme,
      rowId: query.rowId ?? null,
      kind: query.kind ?? null,
      fileName: sanitiseFileName(query.fileName ?? request.headers.get('x-file-name'), contentType),
      contentType,
      size: bytes.length,
      sha256: sha256OfBytes(bytes),
      uploadedAt: deps.clock().toISOString(),
    };
    const storage = deps.storage;
    await storage.ensure();
    const existing = await readDocumentMeta(storage, agreement.id, params.docId);
    if (existing) return sameOrConflict(existing, meta);
    const stored = await storeDocument(storage, meta, bytes);
    if (!stored.created) return sameOrConflict(stored.existing, meta);
    await appendAudit(
      {
        actor: actorOf(principal),
        action: 'document.upload',
        target: `${agreement.id}/${params.docId}`,
        payload: meta,
      },
      deps,
    );
    return answer<DocumentMeta>(201, meta, { Location: `/api/agreements/${agreement.id}/documents/${params.docId}` });
  },
});

/** A document id is bound to one owner and one content for ever. */
function sameOrConflict(existing: DocumentMeta, attempt: DocumentMeta): HttpResponseInit {
  if (existing.partner !== attempt.partner) throw forbidden('Il documento appartiene a un altro ente.');
  if (existing.sha256 === attempt.sha256) return answer<DocumentMeta>(200, existing);
  throw new HttpError(
    409,
    'document_conflict',
    'Esiste già un documento con questo identificativo e contenuto diverso: usa un nuovo identificativo.',
    {
      docId: existing.docId,
    },
  );
}

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const putDocument = handlerOf(putDocumentRoute);

app.http(putDocumentRoute.name, httpOptions(putDocumentRoute));
