// Styles of the PO panels, close to Fluent UI (the look of the partner pane): Segoe UI, 4 px
// corners, brand blue for the primary action, visible focus ring for keyboard users.
export const PO_STYLES = `
.po-root { font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, Roboto, "Helvetica Neue", sans-serif; font-size: 14px; color: #242424; }
.po-root h2 { font-size: 18px; font-weight: 600; margin: 8px 0; }
.po-root h3 { font-size: 15px; font-weight: 600; margin: 12px 0 6px; }
.po-toolbar { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; margin: 8px 0 12px; }
.po-field { display: flex; flex-direction: column; gap: 2px; margin: 6px 0; }
.po-field label, .po-field legend { font-weight: 600; font-size: 12px; }
.po-root input[type=text], .po-root input[type=date], .po-root select, .po-root textarea {
  font: inherit; border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; padding: 4px 8px; background: #fff; }
.po-root textarea { min-height: 56px; }
.po-root button { font: inherit; font-weight: 600; border-radius: 4px; padding: 5px 12px; border: 1px solid #d1d1d1; background: #fff; color: #242424; cursor: pointer; }
.po-root button.po-primary { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
.po-root button:hover { background: #f5f5f5; } .po-root button.po-primary:hover { background: #115ea3; }
.po-root button:disabled { opacity: .5; cursor: default; }
.po-root :focus-visible { outline: 2px solid #0f6cbd; outline-offset: 2px; }
.po-tabs { display: flex; gap: 4px; border-bottom: 1px solid #e0e0e0; margin-bottom: 8px; }
.po-tabs button { border: none; border-bottom: 3px solid transparent; border-radius: 0; background: none; }
.po-tabs button[aria-selected=true] { border-bottom-color: #0f6cbd; }
.po-card { border: 1px solid #e0e0e0; border-radius: 4px; padding: 8px 12px; margin: 8px 0; background: #fafafa; }
.po-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.po-facts dt { font-weight: 600; } .po-facts dd { margin: 0; overflow-wrap: anywhere; }
.po-mono { font-family: Consolas, "Courier New", monospace; font-size: 12px; }
.po-table { border-collapse: collapse; width: 100%; font-size: 13px; }
.po-table th, .po-table td { border-bottom: 1px solid #e0e0e0; padding: 4px 6px; text-align: left; vertical-align: top; }
.po-table td.po-num, .po-table th.po-num { text-align: right; white-space: nowrap; }
.po-table tr.po-heading td { font-weight: 600; background: #f0f0f0; }
.po-status { margin: 6px 0; padding: 4px 8px; border-radius: 4px; }
.po-status-error { background: #fdf3f4; color: #b10e1c; } .po-status-success { background: #f1faf1; color: #0e700e; } .po-status-info { background: #f0f6ff; }
.po-observation { border-left: 3px solid #0f6cbd; padding-left: 6px; margin: 4px 0; white-space: pre-wrap; }
.po-hint { color: #616161; font-size: 12px; }
.po-people { list-style: none; padding: 0; margin: 0; }
.po-person { background: #fff; }
.po-root h4 { font-size: 14px; font-weight: 600; margin: 8px 0 4px; }
.po-preview { overflow-x: auto; }
.po-table-detail td:first-child { width: 60%; }
.po-table tr.po-has-trail td { border-bottom: none; }
.po-table tr.po-trail td { color: #616161; font-size: 12px; padding-top: 0; overflow-wrap: anywhere; }
.po-table-wide { margin: 4px 0 12px; }
.po-trail-line summary { color: #0f548c; }
.po-trail-line p { margin: 2px 0 4px 14px; }
.po-chart { display: block; max-width: 440px; margin: 8px 0; background: #fff; }
.po-confirm { border-left: 3px solid #8a3707; padding-left: 8px; margin-top: 6px; }
`;

export function installPoStyles(doc: Document): void {
  if (doc.getElementById('po-styles')) return;
  const style = doc.createElement('style');
  style.id = 'po-styles';
  style.textContent = PO_STYLES;
  doc.head.appendChild(style);
}
