import { z } from 'zod';

/** Every failure crosses the transports in this one shape; messages are Dutch, for the clerk. */
export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_operation',
  'unauthenticated',
  /** Nobody is signed in, the screen is locked, or sign-in is blocked for a while (issue 7). */
  'niet_ingelogd',
  'vergrendeld',
  'te_veel_pogingen',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Per-field problems of invalid input: `path` as dotted field name. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const CallResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorBody }),
]);

/** Thrown by the client when a call fails; carries the code and per-field issues. */
export class KlantbeeldError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorBody['issues'];
  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'KlantbeeldError';
    this.code = body.code;
    this.issues = body.issues;
  }
}
