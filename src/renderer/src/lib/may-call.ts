/**
 * What the signed-in user may ask the core, derived from the contract's `roles` per operation
 * (the rule the dispatcher enforces). The shell asks, loads and links only what this allows, so
 * nobody meets a refusal for something they never chose. Read when called: reactive in
 * templates and computeds.
 */
import type { RouteLocationNormalized } from 'vue-router';
import type { OperationName } from '../../../shared/contract';
import { mayCall } from '../../../shared/contract/may-call';
import { router } from '../router';
import { useAuthStore } from '../stores/auth';

export function userMay(operation: OperationName): boolean {
  return mayCall(operation, useAuthStore().user?.roles ?? []);
}

/** A view is usable when the user may call the operation it is built on (route meta `operation`). */
export function userMayOpen(route: string | RouteLocationNormalized): boolean {
  const meta = typeof route === 'string' ? router.resolve({ name: route }).meta : route.meta;
  return meta.operation === undefined || userMay(meta.operation);
}
