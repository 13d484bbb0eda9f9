/**
 * Where a terugbelverzoek's numbers and e-mail addresses start: the customer's own (at most
 * three of each, as the contract allows), or for an unknown caller the number they called
 * from. Always at least one (empty) number field, so the clerk can type one.
 */
export const MAX_CONTACT_POINTS = 3;

export function prefillContactPoints(
  caller: { bellerNummer: string },
  customer: { telefoonnummers: readonly string[]; emailadressen: readonly string[] } | null,
): { nummers: string[]; emails: string[] } {
  const numbers = customer ? customer.telefoonnummers : [caller.bellerNummer.trim()].filter((n) => n.length > 0);
  return {
    nummers: numbers.length > 0 ? numbers.slice(0, MAX_CONTACT_POINTS) : [''],
    emails: customer ? customer.emailadressen.slice(0, MAX_CONTACT_POINTS) : [],
  };
}
