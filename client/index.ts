// The one client of the HTTP API: the partner pane (addin/api/client.ts), the PO pane
// (addin/po/po-api.ts) and the CLI (cli/reconciliation-fetch.ts) build theirs with createClient.
export * from './api-error';
export * from './client';
