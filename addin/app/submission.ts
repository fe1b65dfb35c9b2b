// Sending the report: rows from the session, the base version last acknowledged for this
// programme and year, a fresh Idempotency-Key kept with the outbox entry until the server answers.
import type { ApiClient, SubmissionAnswer, SubmissionBody } from '../api/client';
import { Outbox, type KeyValueStore, type OutboxEvent } from '../api/outbox';
import type { RowInput } from '../../shared/rows/rows';
import { toApiRow } from './submission-rows';

export interface SubmissionTarget {
  agreementId: string;
  programme: string;
  partner: string;
  year: number;
}

const versionKey = (t: SubmissionTarget) => `rendiconta.version.${t.agreementId}.${t.programme}.${t.partner}.${t.year}`;

export class Submissions {
  readonly outbox: Outbox;

  constructor(
    private readonly api: ApiClient,
    private readonly store: KeyValueStore,
    private readonly newKey: () => string = () => globalThis.crypto.randomUUID(),
  ) {
    this.outbox = new Outbox(store, (entry) => this.api.submit(entry.agreementId, entry.body, entry.id));
    this.outbox.on((event) => this.remember(event));
  }

  baseVersion(target: SubmissionTarget): number | undefined {
    const raw = this.store.getItem(versionKey(target));
    return raw ? Number(raw) : undefined;
  }

  /** Queues the submission and tries it at once; the outcome arrives through outbox events. */
  async submit(target: SubmissionTarget, rows: readonly RowInput[]): Promise<string> {
    const baseVersion = this.baseVersion(target);
    const body: SubmissionBody = {
      programme: target.programme,
      partner: target.partner,
      year: target.year,
      ...(baseVersion !== undefined ? { baseVersion } : {}),
      rows: rows.map(toApiRow),
    };
    const key = this.newKey();
    await this.outbox.add(target.agreementId, body, key);
    return key;
  }

  private remember(event: OutboxEvent): void {
    if (event.type !== 'sent') return;
    const { body, agreementId } = event.entry;
    const target = { agreementId, programme: body.programme, partner: body.partner, year: body.year };
    this.store.setItem(versionKey(target), String((event.answer as SubmissionAnswer).version));
  }
}
