// DOM helpers of the PO panels: the pane's builder (addin/ui/dom.ts: text only through text
// nodes, never innerHTML, so partner text cannot inject markup) plus ids and status lines.
import { h } from '../ui/dom';

export { h, replaceChildren } from '../ui/dom';

let counter = 0;
/** Unique ids for label/for and aria-describedby pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A polite status message ("Esito registrato."), or an alert for errors. */
export function statusLine(kind: 'info' | 'error' | 'success', text: string): HTMLElement {
  return h('p', { className: `po-status po-status-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
