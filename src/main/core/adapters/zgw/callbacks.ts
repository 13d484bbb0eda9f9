/**
 * Open Klant 2 shapes for callbacks: the actor directory (afdelingen, groepen, medewerkers with
 * their identificators) and interne taken mapped to local callback records.
 */
import { z } from 'zod';
import type { ActorTarget, CallbackRecord } from '../types';

export const DirectoryActor = z
  .object({
    uuid: z.string(),
    url: z.string().optional(),
    naam: z.string(),
    soortActor: z.string().optional(),
    actoridentificator: z
      .object({ objectId: z.string().optional(), codeObjecttype: z.string().optional() })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();
export type DirectoryActor = z.infer<typeof DirectoryActor>;

/** The identificator conventions (KISS): afdeling `afd`, groep `grp` (register obj, idf), medewerker `mdw` (msei, email). */
const SOORT_OF_CODE: Record<string, ActorTarget['soort']> = { afd: 'afdeling', grp: 'groep', mdw: 'medewerker' };
export const CODE_OF_SOORT: Record<ActorTarget['soort'], { codeObjecttype: string; codeRegister: string; codeSoortObjectId: string }> = {
  afdeling: { codeObjecttype: 'afd', codeRegister: 'obj', codeSoortObjectId: 'idf' },
  groep: { codeObjecttype: 'grp', codeRegister: 'obj', codeSoortObjectId: 'idf' },
  medewerker: { codeObjecttype: 'mdw', codeRegister: 'msei', codeSoortObjectId: 'email' },
};

export function soortOf(actor: DirectoryActor): ActorTarget['soort'] | 'onbekend' {
  return SOORT_OF_CODE[actor.actoridentificator?.codeObjecttype ?? ''] ?? 'onbekend';
}

export function matchesTarget(actor: DirectoryActor, target: ActorTarget): boolean {
  const id = actor.actoridentificator;
  return soortOf(actor) === target.soort && (id?.objectId ?? '').toLowerCase() === target.code.toLowerCase();
}

export const InterneTaak = z
  .object({
    url: z.string(),
    uuid: z.string(),
    gevraagdeHandeling: z.string(),
    toelichting: z.string().optional(),
    status: z.enum(['te_verwerken', 'verwerkt']),
    toegewezenOp: z.string().nullable().optional(),
    afgehandeldOp: z.string().nullable().optional(),
    aanleidinggevendKlantcontact: z.object({ uuid: z.string(), url: z.string().optional() }).loose(),
    toegewezenAanActoren: z.array(z.object({ uuid: z.string() }).loose()).optional(),
  })
  .loose();
export type InterneTaak = z.infer<typeof InterneTaak>;

/**
 * The expansion that reads a taak's klantcontact with its betrokkenen and their digitale adressen.
 * A nested expansion needs its parent in the same `expand` (open-klant:
 * src/openklant/components/utils/expansion.py hangs `a.b` under the `a` nodes only).
 */
export const KLANTCONTACT_EXPAND = 'hadBetrokkenen,hadBetrokkenen.digitaleAdressen';

/** The klantcontact behind a taak, with its betrokkenen expanded: who to call, about what. */
export const KlantcontactMetBetrokkenen = z
  .object({
    url: z.string(),
    onderwerp: z.string().optional(),
    plaatsgevondenOp: z.string().optional(),
    hadBetrokkenActoren: z.array(z.object({ naam: z.string().optional() }).loose()).optional(),
    _expand: z
      .object({
        hadBetrokkenen: z
          .array(
            z
              .object({
                wasPartij: z.object({ uuid: z.string(), url: z.string().optional() }).loose().nullable().optional(),
                volledigeNaam: z.string().optional(),
                _expand: z
                  .object({
                    digitaleAdressen: z.array(z.object({ adres: z.string(), soortDigitaalAdres: z.string().optional() }).loose()).optional(),
                  })
                  .loose()
                  .optional(),
              })
              .loose(),
          )
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

export function toCallbackRecord(
  taak: InterneTaak,
  klantcontact: z.infer<typeof KlantcontactMetBetrokkenen> | null,
  directory: ReadonlyMap<string, DirectoryActor>,
): CallbackRecord {
  const betrokkene = klantcontact?._expand?.hadBetrokkenen?.[0];
  const adressen = betrokkene?._expand?.digitaleAdressen ?? [];
  const adressenVan = (soort: string) => [...new Set(adressen.filter((a) => a.soortDigitaalAdres === soort).map((a) => a.adres))];
  return {
    sourceUrl: taak.url,
    klantcontactUrl: klantcontact?.url ?? taak.aanleidinggevendKlantcontact.url ?? '',
    partijUrl: betrokkene?.wasPartij?.url ?? null,
    klantNaam: betrokkene?.volledigeNaam?.trim() || null,
    onderwerp: klantcontact?.onderwerp ?? null,
    vraag: taak.gevraagdeHandeling,
    toelichting: taak.toelichting ?? '',
    status: taak.status,
    toegewezenAan: (taak.toegewezenAanActoren ?? []).map((ref) => {
      const actor = directory.get(ref.uuid);
      return actor
        ? { soort: soortOf(actor), code: actor.actoridentificator?.objectId ?? null, naam: actor.naam }
        : { soort: 'onbekend' as const, code: null, naam: 'Onbekende actor' };
    }),
    toegewezenOp: taak.toegewezenOp ?? null,
    afgehandeldOp: taak.afgehandeldOp ?? null,
    ontvangenOp: klantcontact?.plaatsgevondenOp ?? taak.toegewezenOp ?? null,
    aangemaaktDoor: klantcontact?.hadBetrokkenActoren?.find((a) => a.naam)?.naam ?? null,
    telefoonnummers: adressenVan('telefoonnummer'),
    emailadressen: adressenVan('email'),
  };
}

/** A call attempt as Open Klant 2 holds it: a klantcontact about the interne taak. */
export const PogingKlantcontact = z
  .object({
    url: z.string(),
    inhoud: z.string().optional(),
    plaatsgevondenOp: z.string(),
    indicatieContactGelukt: z.boolean().nullable().optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
    hadBetrokkenActoren: z.array(z.object({ naam: z.string().optional() }).loose()).optional(),
  })
  .loose();

/** The identificator of the onderwerpobject that ties an attempt to its interne taak. */
export const internetaakIdentificator = (taakUuid: string) => ({
  objectId: taakUuid,
  codeObjecttype: 'internetaak',
  codeRegister: 'openklant',
  codeSoortObjectId: 'uuid',
});

/** The answer of `POST /maak-klantcontact`: the klantcontact and, when sent, its betrokkene. */
export const MaakKlantcontactResponse = z
  .object({
    klantcontact: z.object({ uuid: z.string(), url: z.string() }).loose(),
    betrokkene: z.object({ uuid: z.string(), url: z.string() }).loose().optional(),
  })
  .loose();
