import { z } from 'zod';
import { contract, events, operationNames, eventNames } from '../../shared/contract';

/** GET /api: the contract as JSON Schemas, for scripts, tests and integrators. */
export function contractListing() {
  return {
    operations: operationNames.map((name) => ({
      name,
      path: `/api/${name}`,
      summary: contract[name].summary,
      roles: contract[name].roles,
      input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(contract[name].output, { io: 'output', unrepresentable: 'any' }),
    })),
    events: eventNames.map((name) => ({
      name,
      summary: events[name].summary,
      payload: z.toJSONSchema(events[name].payload, { io: 'output', unrepresentable: 'any' }),
    })),
  };
}
