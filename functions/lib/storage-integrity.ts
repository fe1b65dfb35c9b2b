// Stored content is served only when it still matches the SHA-256 recorded when it was written
// (snapshots: the version's index row; documents: their metadata). A mismatch means someone changed
// storage behind the API's back: the request fails with a 500-class Italian error, and the log says
// what kind of object and which storage key, never its content (rows hold names, tax codes, pay).
import { HttpError } from './http-errors';

const WHAT = {
  snapshot: 'Il rendiconto archiviato',
  document: 'Il documento archiviato',
  sample: 'Il campione archiviato',
} as const;

export class StoredContentAltered extends HttpError {
  constructor(
    readonly kind: 'document' | 'snapshot' | 'sample',
    readonly storageKey: string,
  ) {
    super(
      500,
      'internal',
      `${WHAT[kind]} non corrisponde all'impronta registrata: non viene restituito. Avvisare l'amministratore.`,
      { integrity: 'content_hash_mismatch' },
    );
    this.name = 'StoredContentAltered';
  }

  /** What the log line says: kind and key (ids only). */
  logLine(): string {
    return `storage integrity: ${this.kind} ${this.storageKey} does not match its recorded content hash`;
  }
}
