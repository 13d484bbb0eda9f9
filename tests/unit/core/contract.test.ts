import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, eventNames, events, operationNames } from '../../../src/shared/contract';
import { createClient } from '../../../src/shared/contract/client';

describe('the contract', () => {
  it('names every operation <area>.<method>: the client splits on the one dot', () => {
    for (const name of operationNames) expect(name, name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('gives every operation at least one role and JSON-Schema-expressible schemas', () => {
    for (const name of operationNames) {
      expect(contract[name].roles.length, name).toBeGreaterThan(0);
      expect(() => z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }), name).not.toThrow();
      expect(() => z.toJSONSchema(contract[name].output, { io: 'output', unrepresentable: 'any' }), name).not.toThrow();
    }
    for (const name of eventNames) expect(events[name].summary.length, name).toBeGreaterThan(0);
  });

  it('derives a client method for every operation, and nothing else', () => {
    const calls: string[] = [];
    const client = createClient({ call: async (op) => (calls.push(op), { ok: true, value: null }), subscribe: () => () => {} }) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    for (const name of operationNames) {
      const [area, method] = name.split('.') as [string, string];
      void client[area]?.[method]?.({});
    }
    expect(calls.sort()).toEqual([...operationNames].sort());
    const methods = Object.entries(client).filter(([area]) => area !== 'events').flatMap(([area, ms]) => Object.keys(ms).map((m) => `${area}.${m}`));
    expect(methods.sort()).toEqual([...operationNames].sort());
  });
});
