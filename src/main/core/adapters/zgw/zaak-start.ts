/**
 * Remote shapes and small mappings for writes from the contact form: starting a zaak
 * (Catalogi roltypen/statustypen/zaaktypen) and the extra klantcontact fields.
 */
import { z } from 'zod';
import type { OutgoingContact } from '../types';

export const CreatedZaak = z.object({ url: z.string(), uuid: z.string(), identificatie: z.string() }).loose();
export const ZaaktypeListItem = z
  .object({
    url: z.string(),
    identificatie: z.string().optional(),
    omschrijving: z.string(),
    concept: z.boolean().optional(),
    beginGeldigheid: z.string(),
    eindeGeldigheid: z.string().nullable().optional(),
  })
  .loose();
/** A zaak in a list, as far as the look-up after a lost create needs it. */
export const ZaakKenmerken = z
  .object({
    url: z.string(),
    uuid: z.string(),
    identificatie: z.string(),
    kenmerken: z.array(z.object({ kenmerk: z.string(), bron: z.string() }).loose()).optional(),
  })
  .loose();

/** One version per identificatie: the one that began last (versions valid on the same day overlap at the boundary). */
export function latestVersions<T extends { identificatie: string; omschrijving: string; beginGeldigheid?: string | undefined }>(zaaktypen: T[]): T[] {
  const byId = new Map<string, T>();
  for (const zt of zaaktypen) {
    const kept = byId.get(zt.identificatie || zt.omschrijving);
    if (!kept || (zt.beginGeldigheid ?? '') > (kept.beginGeldigheid ?? '')) byId.set(zt.identificatie || zt.omschrijving, zt);
  }
  return [...byId.values()];
}

/**
 * datumStatusGezet that the server does not find in the future. Open Zaak refuses a later moment
 * than its own clock with no leeway (open-zaak: src/openzaak/components/zaken/api/validators.py,
 * DateNotInFutureValidator; TIME_LEEWAY defaults to 0), so a desktop clock a few seconds fast
 * gets a 400. The server's `Date` header (whole seconds, never ahead of it) bounds our clock;
 * without one, a minute back.
 */
export function statusMoment(now: Date, serverDate: string | null): string {
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  const bound = Number.isFinite(server) ? server : now.getTime() - 60_000;
  return new Date(Math.min(now.getTime(), bound)).toISOString();
}
export const Roltype = z.object({ url: z.string(), omschrijvingGeneriek: z.string() }).loose();
export const StatustypeListItem = z.object({ url: z.string(), omschrijving: z.string(), volgnummer: z.number() }).loose();

/** klantcontact.metadata values (strings, ≤255): what the standard lacks. */
export function contactMetadata(contact: OutgoingContact): Record<string, string> {
  const out: Record<string, string> = {};
  if (contact.gespreksresultaat) out.gespreksresultaat = contact.gespreksresultaat.slice(0, 255);
  if (contact.afdeling) out.afdeling = contact.afdeling.slice(0, 255);
  if (contact.kennisartikelen?.length) {
    // Whole ids only, comma-separated, within the 255 characters a metadata value may have.
    out.kennisartikelen = contact.kennisartikelen.map((a) => a.id).reduce((acc, id) => (acc && `${acc},${id}`.length > 255 ? acc : acc ? `${acc},${id}` : id.slice(0, 255)), '');
  }
  if (contact.antwoordGevonden !== undefined) out.antwoordGevondenInKennisbank = contact.antwoordGevonden ? 'ja' : 'nee';
  if (contact.poging) out.terugbelpoging = contact.poging.uitkomst;
  return out;
}

/** A name as the caller gave it: the last word as achternaam, the rest as voornaam. */
export function contactnaam(naam: string): { voorletters: string; voornaam: string; voorvoegselAchternaam: string; achternaam: string } {
  const words = naam.trim().split(/\s+/);
  const achternaam = words.pop() ?? '';
  return { voorletters: '', voornaam: words.join(' '), voorvoegselAchternaam: '', achternaam };
}
