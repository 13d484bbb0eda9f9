import type { z } from 'zod';
import {
  contract,
  isOperationName,
  type CallResult,
  type Contract,
  type ErrorBody,
  type OperationName,
  type UserInfo,
} from '../../shared/contract';
import { ServiceError } from './errors';
import { dutchInputIssue } from './input-issues';

export interface CallContext {
  user: UserInfo;
}

export type Handlers = {
  [N in OperationName]: (
    input: z.output<Contract[N]['input']>,
    ctx: CallContext,
  ) => Promise<z.input<Contract[N]['output']>> | z.input<Contract[N]['output']>;
};

const fail = (error: ErrorBody): CallResult => ({ ok: false, error });

/**
 * The single entry of every call, whatever the transport: known operation → role allowed →
 * input valid → service → output valid. A refused call touches nothing.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly currentUser: () => UserInfo,
    private readonly log: (line: string) => void,
  ) {}

  async dispatch(operation: string, input: unknown): Promise<CallResult> {
    if (!isOperationName(operation)) {
      return fail({ code: 'unknown_operation', message: 'Onbekende handeling.' });
    }
    const spec = contract[operation];
    const user = this.currentUser();
    if (!spec.roles.some((role) => user.roles.includes(role))) {
      return fail({ code: 'forbidden', message: `U heeft geen toegang tot deze handeling (${operation}).` });
    }
    const parsed = spec.input.safeParse(input, { error: dutchInputIssue });
    if (!parsed.success) {
      return fail({
        code: 'invalid_input',
        message: 'De invoer is niet geldig.',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(invoer)', message: i.message })),
      });
    }
    try {
      const handler = this.handlers[operation] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, { user });
      const output = spec.output.safeParse(value);
      if (!output.success) {
        this.log(`dispatcher: output of ${operation} does not match the contract: ${output.error.issues[0]?.path.join('.')} ${output.error.issues[0]?.message}`);
        return fail({ code: 'internal', message: 'Er ging intern iets mis; probeer het opnieuw.' });
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof ServiceError) return fail({ code: error.code, message: error.message, issues: error.issues });
      this.log(`dispatcher: ${operation} failed: ${(error as Error).stack ?? String(error)}`);
      return fail({ code: 'internal', message: 'Er ging intern iets mis; probeer het opnieuw.' });
    }
  }
}
