/**
 * Dutch messages for invalid input that the contract's schemas do not word themselves: zod's
 * Dutch locale, with clearer words for a missing field and for unknown fields (whose names
 * come from the caller: shortened, never echoed in full).
 */
import { z } from 'zod';

const dutch = z.locales.nl().localeError;
const shown = (key: PropertyKey) => JSON.stringify(String(key).slice(0, 40));

export const dutchInputIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Dit veld is verplicht.';
  if (issue.code === 'unrecognized_keys') {
    const more = issue.keys.length > 3 ? ` en ${issue.keys.length - 3} meer` : '';
    return `Onbekend veld: ${issue.keys.slice(0, 3).map(shown).join(', ')}${more}.`;
  }
  return dutch(issue);
};
