/**
 * The typed client, derived from the contract: `client.customers.search({ query })`.
 * Both transports (Electron IPC via the preload, HTTP via the browser host) plug in here.
 */
import type { CallResult } from './errors';
import { KlantbeeldError } from './errors';
import {
  operationNames,
  type Contract,
  type EventName,
  type EventPayload,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from './index';

type AreaOf<N> = N extends `${infer A}.${string}` ? A : never;
type Area = AreaOf<OperationName>;

export type KlantbeeldClient = {
  [A in Area]: {
    [N in OperationName as N extends `${A}.${infer M}` ? M : never]: (
      input: OperationInput<N>,
    ) => Promise<OperationOutput<N>>;
  };
} & {
  events: {
    on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
  };
};

export interface Transport {
  call(operation: OperationName, input: unknown): Promise<CallResult>;
  subscribe(handler: (name: EventName, payload: unknown) => void): () => void;
}

export function createClient(transport: Transport): KlantbeeldClient {
  const client: Record<string, Record<string, unknown>> = {};
  for (const name of operationNames) {
    const [area, method] = name.split('.') as [string, string];
    client[area] ??= {};
    client[area][method] = async (input: unknown) => {
      const result = await transport.call(name, input ?? {});
      if (!result.ok) throw new KlantbeeldError(result.error);
      return result.value;
    };
  }
  client.events = {
    on(name: EventName, handler: (payload: unknown) => void) {
      return transport.subscribe((event, payload) => {
        if (event === name) handler(payload);
      });
    },
  };
  return client as unknown as KlantbeeldClient;
}

export type { Contract };
