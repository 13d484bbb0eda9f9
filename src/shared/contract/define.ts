import type { z } from 'zod';
import type { Role } from '../roles';

/** One operation the renderer may call: its schemas and who may call it. */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  roles: readonly Role[];
}

export function operation<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

/** A push from the core to the renderer (IPC event or server-sent event). */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}
