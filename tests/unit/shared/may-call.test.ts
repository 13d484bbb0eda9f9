/** mayCall answers from the contract's roles, the same rule the dispatcher enforces. */
import { describe, expect, it } from 'vitest';
import { contract, operationNames } from '../../../src/shared/contract';
import { mayCall } from '../../../src/shared/contract/may-call';

describe('mayCall', () => {
  it('lets the beheerder read the log but not the work queues, drafts or news', () => {
    expect(mayCall('verwerkingen.list', ['beheerder'])).toBe(true);
    expect(mayCall('callbacks.list', ['beheerder'])).toBe(false);
    expect(mayCall('drafts.list', ['beheerder'])).toBe(false);
    expect(mayCall('kennis.news', ['beheerder'])).toBe(false);
    expect(mayCall('kennis.feedbackList', ['kcc', 'kennisredacteur'])).toBe(true);
  });

  it('allows sign-in without any role and nothing else', () => {
    expect(operationNames.filter((name) => mayCall(name, []))).toEqual(operationNames.filter((name) => contract[name].beforeSignIn));
  });
});
