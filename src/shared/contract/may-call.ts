import type { Role } from '../roles';
import { contract, type OperationName } from './index';

/**
 * Whether someone with these roles may call the operation: the contract's `roles`, the same rule
 * the core's dispatcher enforces. The renderer uses it only to not ask (and not offer) what the
 * core would refuse; the core still decides.
 */
export function mayCall(operation: OperationName, roles: readonly Role[]): boolean {
  const spec = contract[operation];
  return spec.beforeSignIn === true || spec.roles.some((role) => roles.includes(role));
}
