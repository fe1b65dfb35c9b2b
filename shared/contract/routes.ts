// The API's routes as the contract sees them: for each route (named as in functions/routes.ts)
// its method, path, and the schemas of its query, body and JSON answer — or the media type of a
// binary answer. A test checks this table against the Functions' route table both ways, so a route
// added without its contract (or a contract entry without a route) fails.
import type { z } from 'zod';
import { AgreementAnswerSchema } from './agreement';
import { DocumentMetaSchema, DocumentQuerySchema } from './documents';
import { HealthAnswerSchema } from './health';
import {
  ConfirmBodySchema,
  DecisionBodySchema,
  DocumentsReceivedBodySchema,
  ObservationsBodySchema,
  OutcomeAnswerSchema,
} from './outcomes';
import { ReconciliationAnswerSchema, ReconciliationQuerySchema, XLSX_CONTENT_TYPE } from './reconciliation';
import { ReviewAnswerSchema, ReviewBodySchema } from './reviews';
import { DrawAnswerSchema, DrawBodySchema, SampleViewSchema, SamplingRunSchema } from './samples';
import { AtsStatusAnswerSchema, AtsStatusQuerySchema } from './ats';
import {
  SubmissionAnswerSchema,
  SubmissionBodySchema,
  SubmissionDetailAnswerSchema,
  SubmissionListAnswerSchema,
  SubmissionListQuerySchema,
  ValidateAnswerSchema,
} from './submissions';

export interface RouteContract {
  method: 'GET' | 'POST' | 'PUT';
  /** Relative to /api, with the Functions' {param} placeholders. */
  path: string;
  query?: z.ZodType;
  /** The accepted bodies (the outcome route takes one of several); raw bytes: 'bytes'. */
  body?: readonly z.ZodType[] | 'bytes';
  /** The JSON answer, or the media types of a binary one. */
  answer: z.ZodType | { media: readonly string[] };
}

export const API_ROUTES = {
  health: { method: 'GET', path: 'health', answer: HealthAnswerSchema },
  getAgreement: { method: 'GET', path: 'agreements/{agreement}', answer: AgreementAnswerSchema },
  validateRows: {
    method: 'POST',
    path: 'agreements/{agreement}/validate',
    body: [SubmissionBodySchema],
    answer: ValidateAnswerSchema,
  },
  createSubmission: {
    method: 'POST',
    path: 'agreements/{agreement}/submissions',
    body: [SubmissionBodySchema],
    answer: SubmissionAnswerSchema,
  },
  listSubmissions: {
    method: 'GET',
    path: 'agreements/{agreement}/submissions',
    query: SubmissionListQuerySchema,
    answer: SubmissionListAnswerSchema,
  },
  getSubmission: {
    method: 'GET',
    path: 'agreements/{agreement}/submissions/{id}',
    answer: SubmissionDetailAnswerSchema,
  },
  putDocument: {
    method: 'PUT',
    path: 'agreements/{agreement}/documents/{docId}',
    query: DocumentQuerySchema,
    body: 'bytes',
    answer: DocumentMetaSchema,
  },
  getDocument: {
    method: 'GET',
    path: 'agreements/{agreement}/documents/{docId}',
    answer: { media: ['application/pdf', 'image/png', 'image/jpeg'] },
  },
  drawSample: {
    method: 'POST',
    path: 'agreements/{agreement}/samples/{programme}/{semester}/draw',
    body: [DrawBodySchema],
    answer: DrawAnswerSchema,
  },
  getSample: { method: 'GET', path: 'agreements/{agreement}/samples/{programme}/{semester}', answer: SampleViewSchema },
  recordOutcome: {
    method: 'POST',
    path: 'agreements/{agreement}/samples/{programme}/{semester}/outcomes/{person}',
    body: [DecisionBodySchema, ConfirmBodySchema, DocumentsReceivedBodySchema, ObservationsBodySchema],
    answer: OutcomeAnswerSchema,
  },
  createReview: {
    method: 'POST',
    path: 'agreements/{agreement}/reviews',
    body: [ReviewBodySchema],
    answer: ReviewAnswerSchema,
  },
  getReconciliation: {
    method: 'GET',
    path: 'agreements/{agreement}/reconciliation',
    query: ReconciliationQuerySchema,
    // JSON, or the workbook with format=xlsx (or the xlsx Accept header).
    answer: ReconciliationAnswerSchema,
  },
  runSemesterSampling: { method: 'POST', path: 'maintenance/semester-sampling', answer: SamplingRunSchema },
  // The frozen population (S3): text, one id per line, the exact bytes of the recorded hash.
  getSamplePopulation: {
    method: 'GET',
    path: 'agreements/{agreement}/samples/{programme}/{semester}/population',
    answer: { media: ['text/plain; charset=utf-8'] },
  },
  getAtsStatus: {
    method: 'GET',
    path: 'agreements/{agreement}/ats-status',
    query: AtsStatusQuerySchema,
    answer: AtsStatusAnswerSchema,
  },
} as const satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof API_ROUTES;

/** Media type of the reconciliation workbook (the xlsx form of getReconciliation). */
export const RECONCILIATION_WORKBOOK_MEDIA = XLSX_CONTENT_TYPE;
