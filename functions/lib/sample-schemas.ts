// Moved: the request schemas are the API contract's, in shared/contract (samples.ts, outcomes.ts,
// reviews.ts, reconciliation.ts). This re-export keeps old imports compiling; import from there.
export {
  DrawBodySchema,
  DecisionBodySchema,
  ConfirmBodySchema,
  DocumentsReceivedBodySchema,
  ObservationsBodySchema,
  ReviewBodySchema,
  ReconciliationQuerySchema,
} from '../../shared/contract';
