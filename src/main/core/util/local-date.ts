/** The calendar date (yyyy-mm-dd) in the Netherlands at `at`: a zaak started at 00:30 local time starts that day. */
export function dateInNetherlands(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(at);
}
