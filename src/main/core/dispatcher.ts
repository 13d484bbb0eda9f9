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
import { mayCall } from '../../shared/contract/may-call';
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

/** Why there is no caller: nobody signed in, or the screen is locked (auth/session.ts). */
export interface NoCaller {
  refused: 'niet_ingelogd' | 'vergrendeld';
}

const REFUSED: Record<NoCaller['refused'], ErrorBody> = {
  niet_ingelogd: { code: 'niet_ingelogd', message: 'U bent niet ingelogd. Log in om verder te werken.' },
  vergrendeld: { code: 'vergrendeld', message: 'Het scherm is vergrendeld. Ontgrendel het om verder te werken.' },
};

/** The context of a sign-in operation called before anyone signed in. */
const NOBODY: UserInfo = { id: '', naam: '', roles: [] };

/**
 * Verwerkingenlogging (issue 7): `begin` runs after the role and input checks, before the
 * handler (so a person about to be forgotten is still known); the returned `done` runs only
 * after a successful call and writes the verwerkingsactie. Refused or failed calls log nothing.
 */
export interface VerwerkingHook {
  begin(operation: OperationName, input: unknown, user: UserInfo): ((output: unknown) => void) | null;
}

/**
 * The single entry of every call, whatever the transport: known operation → role allowed →
 * input valid → service → output valid. A refused call touches nothing.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly currentUser: () => UserInfo | NoCaller,
    private readonly log: (line: string) => void,
    private readonly verwerkingen?: VerwerkingHook,
  ) {}

  async dispatch(operation: string, input: unknown): Promise<CallResult> {
    if (!isOperationName(operation)) {
      return fail({ code: 'unknown_operation', message: 'Onbekende handeling.' });
    }
    const spec = contract[operation];
    const caller = this.currentUser();
    // Without a signed-in, unlocked session only sign-in itself runs.
    if ('refused' in caller && !spec.beforeSignIn) return fail(REFUSED[caller.refused]);
    const user = 'refused' in caller ? NOBODY : caller;
    if (!mayCall(operation, user.roles)) {
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
      const logged = this.verwerkingen?.begin(operation, parsed.data, user) ?? null;
      const handler = this.handlers[operation] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, { user });
      const output = spec.output.safeParse(value);
      if (!output.success) {
        this.log(`dispatcher: output of ${operation} does not match the contract: ${output.error.issues[0]?.path.join('.')} ${output.error.issues[0]?.message}`);
        return fail({ code: 'internal', message: 'Er ging intern iets mis; probeer het opnieuw.' });
      }
      logged?.(output.data);
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof ServiceError) return fail({ code: error.code, message: error.message, issues: error.issues });
      this.log(`dispatcher: ${operation} failed: ${(error as Error).stack ?? String(error)}`);
      return fail({ code: 'internal', message: 'Er ging intern iets mis; probeer het opnieuw.' });
    }
  }
}
