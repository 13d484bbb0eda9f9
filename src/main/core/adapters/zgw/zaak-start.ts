/**
 * Remote shapes and small mappings for writes from the contact form: starting a zaak
 * (Catalogi roltypen/statustypen/zaaktypen) and the extra klantcontact fields.
 */
import { z } from 'zod';
import type { OutgoingContact } from '../types';

export const CreatedZaak = z.object({ url: z.string(), uuid: z.string(), identificatie: z.string() }).loose();
export const ZaaktypeListItem = z
  .object({ url: z.string(), identificatie: z.string().optional(), omschrijving: z.string(), concept: z.boolean().optional() })
  .loose();
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
