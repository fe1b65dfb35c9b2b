// Submissions not yet acknowledged by the server: kept in localStorage so an offline partner loses
// nothing, retried with backoff and when the browser comes back online. The Idempotency-Key is
// fixed when the entry is created, so a retry can never create a second version.
import { ApiError, type SubmissionAnswer, type SubmissionBody } from './client';

export interface OutboxEntry {
  /** Also the Idempotency-Key. */
  id: string;
  agreementId: string;
  body: SubmissionBody;
  createdAt: string;
  attempts: number;
  /** Epoch ms of the next attempt. */
  nextAttemptAt: number;
  lastError: string | null;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Sender = (entry: OutboxEntry) => Promise<SubmissionAnswer>;

export type OutboxEvent =
  | { type: 'sent'; entry: OutboxEntry; answer: SubmissionAnswer }
  | { type: 'failed'; entry: OutboxEntry; error: ApiError }
  | { type: 'waiting'; entry: OutboxEntry; error: ApiError };

const STORAGE_KEY = 'rendiconta.outbox.v1';
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

export function backoffDelay(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export class Outbox {
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly send: Sender,
    private readonly now: () => number = () => Date.now(),
  ) {}

  on(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  entries(): OutboxEntry[] {
    const raw = this.store.getItem(STORAGE_KEY);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  /** Stores the submission first, then tries to send it at once. */
  async add(agreementId: string, body: SubmissionBody, id: string): Promise<void> {
    const entry: OutboxEntry = {
      id,
      agreementId,
      body,
      createdAt: new Date(this.now()).toISOString(),
      attempts: 0,
      nextAttemptAt: this.now(),
      lastError: null,
    };
    this.save([...this.entries(), entry]);
    await this.flush();
  }

  /** Sends every entry that is due (all of them when `force`). */
  flush(force = false): Promise<void> {
    this.flushing ??= this.flushOnce(force).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Retries when the browser reports it is back online. */
  watchOnline(target: Pick<Window, 'addEventListener'>): void {
    target.addEventListener('online', () => void this.flush(true));
    this.schedule();
  }

  private async flushOnce(force: boolean): Promise<void> {
    for (const entry of this.entries()) {
      if (!force && entry.nextAttemptAt > this.now()) continue;
      try {
        const answer = await this.send(entry);
        this.remove(entry.id);
        this.emit({ type: 'sent', entry, answer });
      } catch (error) {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'network', 'Invio non riuscito: riproveremo automaticamente.');
        if (apiError.retryable) {
          const attempts = entry.attempts + 1;
          const updated = {
            ...entry,
            attempts,
            nextAttemptAt: this.now() + backoffDelay(attempts),
            lastError: apiError.message,
          };
          this.replace(updated);
          this.emit({ type: 'waiting', entry: updated, error: apiError });
        } else {
          this.remove(entry.id);
          this.emit({ type: 'failed', entry, error: apiError });
        }
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = Math.min(...this.entries().map((e) => e.nextAttemptAt));
    if (!Number.isFinite(next)) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, next - this.now()));
  }

  private emit(event: OutboxEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private save(entries: OutboxEntry[]): void {
    this.store.setItem(STORAGE_KEY, JSON.stringify(entries));
  }

  private remove(id: string): void {
    this.save(this.entries().filter((e) => e.id !== id));
  }

  private replace(entry: OutboxEntry): void {
    this.save(this.entries().map((e) => (e.id === entry.id ? entry : e)));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
