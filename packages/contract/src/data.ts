import * as z from 'zod/mini';
import { PULL_STATUSES } from './enums.js';
import { DataTypeSchema } from './integration.js';
import { DateTime, Uuid } from './primitives.js';

export const PullStatusSchema = z.enum(PULL_STATUSES);

export const DataStatus = z.object({
  dataType: DataTypeSchema,
  currentStatus: PullStatusSchema,
  lastSuccessfulSync: z.optional(z.nullable(DateTime)),
  latestSyncId: z.optional(Uuid),
  latestSuccessfulSyncId: z.optional(Uuid),
});
export type DataStatus = z.infer<typeof DataStatus>;

/** `GET /companies/{id}/dataStatus`: data type -> status. */
export const DataStatuses = z.record(z.string(), DataStatus);
export type DataStatuses = z.infer<typeof DataStatuses>;

export const PullOperation = z.object({
  id: Uuid,
  companyId: Uuid,
  connectionId: Uuid,
  dataType: z.string(),
  status: PullStatusSchema,
  statusDescription: z.optional(z.nullable(z.string())),
  errorMessage: z.optional(z.nullable(z.string())),
  requested: DateTime,
  completed: z.optional(z.nullable(DateTime)),
  progress: z.int().check(z.minimum(0), z.maximum(100)),
  isCompleted: z.boolean(),
  isErrored: z.boolean(),
});
export type PullOperation = z.infer<typeof PullOperation>;

/**
 * One record of synced data, as returned by `GET /companies/{id}/data/{dataType}` (consent-kit's simplified read
 * endpoint; the shape of each record depends on the data type).
 */
export const DataRecord = z.record(z.string(), z.unknown());
export type DataRecord = z.infer<typeof DataRecord>;
