// Small helpers shared by the kennisbank seed files.

/** Wraps the body of an e-mail reply in the standard KCC greeting and signature. */
export function mail(body: string): string {
  return `Geachte heer/mevrouw,\n\n${body}\n\nMet vriendelijke groet,\n\nKlantcontactcentrum gemeente Turfbrug`;
}

/** A link to a page on the (fictional) municipal website. */
export function link(pad: string, tekst: string): string {
  return `<a href="https://www.turfbrug.nl/${pad}">${tekst}</a>`;
}
