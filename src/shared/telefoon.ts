/**
 * Phone numbers the way Open Klant 2 accepts them (a digitaal adres of soort telefoonnummer, a
 * medewerker's telefoonnummer): one rule for the contract (refused at the door), the adapter
 * (normalised before sending) and the demo (refused as the real server refuses).
 * As open-klant: src/openklant/utils/validators.py (`phonenumber_regex`, `FORBIDDEN_PREFIXES`,
 * `validate_phone_number`).
 */

/** Ten national digits, or `+` and 9-15 digits, or `00` and 7-13 digits; nothing else. */
export const OPEN_KLANT_TELEFOON = /^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$/;

/** Prefixes Open Klant refuses before it checks the pattern (service numbers). */
export const GEWEIGERDE_PREFIXEN = ['0800', '0900', '1400', '140'] as const;

export const TELEFOON_ONGELDIG = 'Geen geldig telefoonnummer: gebruik 10 cijfers (0612345678) of + met landnummer (+31612345678).';
export const TELEFOON_SERVICENUMMER = 'Een 0800-, 0900- of 140-nummer kan het zaaksysteem niet opslaan; vul een ander nummer in.';

/**
 * The number as Open Klant stores it: spaces, dashes, dots, slashes and brackets out, and the
 * `(0)` of `+31 (0)6 …` dropped (a hint for national dialling, not part of the number).
 */
export function compactTelefoon(raw: string): string {
  return raw.trim().replace(/\(0\)/g, '').replace(/[\s().\-/]/g, '');
}

/** Why Open Klant would refuse this number once compacted (a Dutch message), or null when it is sendable. */
export function telefoonProbleem(raw: string): string | null {
  const nummer = compactTelefoon(raw);
  if (GEWEIGERDE_PREFIXEN.some((prefix) => nummer.startsWith(prefix))) return TELEFOON_SERVICENUMMER;
  return OPEN_KLANT_TELEFOON.test(nummer) ? null : TELEFOON_ONGELDIG;
}

/** The compacted number when Open Klant accepts it, else null. */
export function telefoonVoorOpenKlant(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return telefoonProbleem(raw) === null ? compactTelefoon(raw) : null;
}

/** For a zod `superRefine` on a phone field: the Dutch reason at the field when Open Klant would refuse it. */
export function refineTelefoon(value: string, ctx: { addIssue(issue: { code: 'custom'; message: string }): void }): void {
  const probleem = telefoonProbleem(value);
  if (probleem) ctx.addIssue({ code: 'custom', message: probleem });
}
