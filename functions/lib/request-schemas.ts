// Moved: the request schemas are the API contract's, in shared/contract (submissions.ts,
// documents.ts). This re-export keeps old imports compiling; import from shared/contract.
export {
  MAX_ROWS,
  checkRow,
  SubmissionBodySchema,
  SubmissionListQuerySchema,
  DOC_ID,
  DocumentQuerySchema,
  type SubmittedRow,
  type SubmissionBody,
} from '../../shared/contract';
