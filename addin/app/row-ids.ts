// New hidden row ids (R17): short, random, never reused. Written only where a row has none.
export function newRowId(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return `r-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}
