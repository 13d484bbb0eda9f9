/**
 * The parts of Open Zaak / Open Klant 2 objects that Klantbeeld reads, parsed leniently
 * (extra fields pass, optional ones may be missing) so a newer server version still works.
 */
import { z } from 'zod';

const Ref = z.object({ uuid: z.string(), url: z.string().optional() }).loose();

const Adres = z
  .object({
    straatnaam: z.string().optional(),
    huisnummer: z.number().nullable().optional(),
    huisnummertoevoeging: z.string().optional(),
    postcode: z.string().optional(),
    stad: z.string().optional(),
    adresregel1: z.string().optional(),
    adresregel2: z.string().optional(),
    adresregel3: z.string().optional(),
  })
  .loose();
export type RemoteAdres = z.infer<typeof Adres>;

export const DigitaalAdres = z
  .object({ adres: z.string(), soortDigitaalAdres: z.string(), isStandaardAdres: z.boolean().optional() })
  .loose();

export const Partij = z
  .object({
    url: z.string(),
    uuid: z.string(),
    soortPartij: z.enum(['persoon', 'organisatie', 'contactpersoon']),
    indicatieGeheimhouding: z.boolean().nullable().optional(),
    partijIdentificatoren: z
      .array(
        z
          .object({
            partijIdentificator: z
              .object({ codeSoortObjectId: z.string().optional(), objectId: z.string().optional() })
              .loose(),
          })
          .loose(),
      )
      .nullable()
      .optional(),
    partijIdentificatie: z
      .object({
        contactnaam: z
          .object({
            voornaam: z.string().optional(),
            voorletters: z.string().optional(),
            voorvoegselAchternaam: z.string().optional(),
            achternaam: z.string().optional(),
          })
          .loose()
          .nullable()
          .optional(),
        volledigeNaam: z.string().optional(),
        naam: z.string().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    bezoekadres: Adres.nullable().optional(),
    correspondentieadres: Adres.nullable().optional(),
    _expand: z.object({ digitaleAdressen: z.array(DigitaalAdres).nullable().optional() }).loose().optional(),
  })
  .loose();
export type Partij = z.infer<typeof Partij>;

export const Onderwerpobject = z
  .object({
    onderwerpobjectidentificator: z
      .object({ objectId: z.string().optional(), codeObjecttype: z.string().optional() })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();

export const Klantcontact = z
  .object({
    url: z.string(),
    uuid: z.string(),
    kanaal: z.string(),
    onderwerp: z.string(),
    inhoud: z.string().optional(),
    plaatsgevondenOp: z.string().nullable().optional(),
    metadata: z.record(z.string(), z.string()).nullable().optional(),
    hadBetrokkenActoren: z.array(Ref).optional(),
    _expand: z.object({ gingOverOnderwerpobjecten: z.array(Onderwerpobject).optional() }).loose().optional(),
  })
  .loose();
export type Klantcontact = z.infer<typeof Klantcontact>;

export const Actor = z.object({ url: z.string().optional(), uuid: z.string(), naam: z.string() }).loose();

export const Zaak = z
  .object({
    url: z.string(),
    uuid: z.string().optional(),
    identificatie: z.string(),
    omschrijving: z.string().optional(),
    zaaktype: z.string(),
    status: z.string().nullable().optional(),
    startdatum: z.string(),
    einddatumGepland: z.string().nullable().optional(),
    uiterlijkeEinddatumAfdoening: z.string().nullable().optional(),
    einddatum: z.string().nullable().optional(),
  })
  .loose();
export type Zaak = z.infer<typeof Zaak>;

export const Status = z.object({ statustype: z.string() }).loose();
export const ZaakType = z.object({ omschrijving: z.string(), identificatie: z.string().optional() }).loose();
export const StatusType = z.object({ omschrijving: z.string(), statustekst: z.string().optional() }).loose();

export const Created = z.object({ url: z.string(), uuid: z.string() }).loose();

/** Parses or raises a transient RemoteError naming what was unexpected. */
export function parseRemote<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new Error(`Onverwacht ${what} van het zaaksysteem (${first?.path.join('.') ?? ''}: ${first?.message ?? ''}).`);
}

// ---- Identify and the zaak detail (issue 3) ----

export const DigitaalAdresRef = z
  .object({ adres: z.string(), soortDigitaalAdres: z.string().optional(), verstrektDoorPartij: Ref.nullable().optional() })
  .loose();

export const StatusDetail = z
  .object({ statustype: z.string(), datumStatusGezet: z.string(), statustoelichting: z.string().optional() })
  .loose();

export const Rol = z
  .object({
    betrokkeneType: z.string(),
    omschrijving: z.string().optional(),
    omschrijvingGeneriek: z.string().optional(),
    afwijkendeNaamBetrokkene: z.string().optional(),
    betrokkeneIdentificatie: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .loose();
export type Rol = z.infer<typeof Rol>;

export const ZaakInformatieObject = z.object({ informatieobject: z.string(), titel: z.string().optional() }).loose();

export const EnkelvoudigInformatieObject = z
  .object({
    url: z.string(),
    titel: z.string().optional(),
    creatiedatum: z.string().nullable().optional(),
    vertrouwelijkheidaanduiding: z.string().nullable().optional(),
    formaat: z.string().optional(),
    bestandsnaam: z.string().optional(),
    bestandsomvang: z.number().int().nullable().optional(),
  })
  .loose();
