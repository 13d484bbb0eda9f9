import type { StepLog } from '../../src/main/core/adapters/types';

/** A step log kept in memory, for adapter tests that drive multi-step writes by hand. */
export function memoryLog(): StepLog & { steps: Record<string, unknown> } {
  const steps: Record<string, unknown> = {};
  return { steps, done: steps, record: (step, value) => void (steps[step] = value) };
}
