import type { ErrorCode } from '../../shared/contract';

/** An expected failure of a service call, shown to the clerk as is (Dutch). */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
