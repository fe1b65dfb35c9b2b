// The findings of each row id as the incremental validator keeps them and hands them out. A result
// must keep the view it was given whatever edits follow, and copying the whole map on every edit
// (~2,000 ids on a 10,000-row report) was most of an edit's time. So the map is kept in SHARDS
// parts: a view is the list of the parts, and an edit copies only the part it changes (about one
// id in SHARDS) the first time it changes it after a view was handed out. The lists are frozen.
import type { Finding } from '../findings/findings';

const SHARDS = 64;

/** Which part holds an id: a string hash, the same in every runtime. */
function shardOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return hash & (SHARDS - 1);
}

type Part = Map<string, readonly Finding[]>;

/** A read-only map of row id -> its findings (sorted), as it was when the view was taken. */
export class RowFindingsView implements Iterable<[string, readonly Finding[]]> {
  constructor(
    private readonly parts: readonly Part[],
    readonly size: number,
  ) {}

  get(id: string): readonly Finding[] | undefined {
    return this.parts[shardOf(id)].get(id);
  }

  has(id: string): boolean {
    return this.parts[shardOf(id)].has(id);
  }

  forEach(visit: (findings: readonly Finding[], id: string) => void): void {
    for (const part of this.parts) part.forEach(visit);
  }

  *entries(): IterableIterator<[string, readonly Finding[]]> {
    for (const part of this.parts) yield* part.entries();
  }

  *keys(): IterableIterator<string> {
    for (const part of this.parts) yield* part.keys();
  }

  *values(): IterableIterator<readonly Finding[]> {
    for (const part of this.parts) yield* part.values();
  }

  [Symbol.iterator](): IterableIterator<[string, readonly Finding[]]> {
    return this.entries();
  }
}

/** The validator's own, writable side; view() hands out what it holds now. */
export class RowFindings {
  private parts: Part[] = Array.from({ length: SHARDS }, () => new Map());
  /** Parts a handed-out view shares: the next change copies them first. */
  private readonly shared = new Uint8Array(SHARDS);
  private count = 0;

  view(): RowFindingsView {
    this.shared.fill(1);
    return new RowFindingsView(this.parts.slice(), this.count);
  }

  set(id: string, findings: readonly Finding[]): void {
    const part = this.writable(shardOf(id));
    if (!part.has(id)) this.count += 1;
    part.set(id, Object.freeze(findings));
  }

  delete(id: string): void {
    const k = shardOf(id);
    if (!this.parts[k].has(id)) return;
    this.writable(k).delete(id);
    this.count -= 1;
  }

  private writable(k: number): Part {
    if (this.shared[k] === 1) {
      this.parts[k] = new Map(this.parts[k]);
      this.shared[k] = 0;
    }
    return this.parts[k];
  }
}
