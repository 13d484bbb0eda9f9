/**
 * Messages between the Electron main process and the core running in a utilityProcess.
 * Parsed with zod on both sides: the core trusts nothing that crosses a process boundary.
 */
import { z } from 'zod';
import { CallResultSchema } from '../../shared/contract';

export const ToCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: z.number().int(), operation: z.string(), input: z.unknown() }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToCore = z.infer<typeof ToCore>;

export const FromCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: CallResultSchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type FromCore = z.infer<typeof FromCore>;
