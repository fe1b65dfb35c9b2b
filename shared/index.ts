// Public surface of the domain module: the add-in, the Functions and the CLI import from here.
// The folders follow the data flow of a report, in this order:
//   core/           money (decimal.js), ISO dates, tax ids, SHA-256, text keys: the primitives
//   agreement/      the agreement as data: programmes, budgets, windows and locks, reference tables
//   mapping/        a workbook's sheets → category tables: fields, header matching, the template
//   rows/           a table row as typed → its parsed view (amounts, dates, closed lists)
//   rules/          R01–R25 as small functions over parsed rows; validate.ts runs them in order
//   findings/       what a rule found, and the Italian message table that words it
//   submission/     a submission against the previous version: row identity, carry-over, diff
//   sample/         the semester sample S1–S7: population, draw, outcomes
//   reconciliation/ C1–C6 with their trail, the answer as it travels, the sheet layout
//   contract/       the HTTP API's shapes and claims, shared by the Functions and every client
// File formats (xlsx, CSV) live outside the domain, in ../formats, and depend on it.
export * from './core/money';
export * from './core/dates';
export * from './core/tax-ids';
export * from './core/sha256';
export * from './agreement/agreement';
export * from './agreement/agreement-schema';
export * from './agreement/agreements';
export * from './agreement/windows';
export * from './agreement/reference';
export * from './mapping/fields';
export * from './mapping/mapping';
export * from './mapping/template';
export * from './rows/rows';
export * from './rules/validate';
export * from './findings/findings';
export * from './submission';
export {
  MESSAGES_IT,
  messageIt,
  renderIt,
  type MessageKey,
  type MessageParams,
  type MessageParamsOf,
} from './findings/messages.it';
export * from './sample/sampling';
export * from './sample/sample-draw';
export * from './sample/outcomes';
export * from './sample/semester-choice';
export * from './reconciliation/reconcile';
export * from './reconciliation/general-cost-excess';
export * from './reconciliation/reconciliation-input';
export * from './reconciliation/reconciliation-answer';
export * from './reconciliation/reconciliation-answer-schema';
export * from './contract/po-scope-claim';
