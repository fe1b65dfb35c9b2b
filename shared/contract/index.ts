// The HTTP API contract (ARCHITECTURE.md "HTTP API"): a zod schema for every request and answer,
// with its inferred type. The Functions validate requests and type their answers with these; the
// one typed client (client/) parses answers with them. One file per resource.
export * from './errors';
export * from './findings';
export * from './health';
export * from './agreement';
export * from './submissions';
export * from './documents';
export * from './samples';
export * from './outcomes';
export * from './reviews';
export * from './reconciliation';
export * from './ats';
export * from './po-scope-claim';
export * from './routes';
