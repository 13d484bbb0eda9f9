/**
 * A small client of the KVK Handelsregister (developers.kvk.nl): the Zoeken API v2
 * (`GET {url}/v2/zoeken` by naam, kvkNummer, vestigingsnummer, plaats) and the Basisprofiel API
 * v1 (`GET {url}/v1/basisprofielen/{kvkNummer}`), with the `apikey` header. KVK answers "no
 * results" with 404 IPD5200: that is an empty list here, not an error.
 */
import { z } from 'zod';
import { RemoteError } from '../types';
import { RegisterHttp } from '../registers/http';

export interface KvkClientOptions { url: string; apiKey: string; timeoutMs?: number }

export type KvkZoekVraag = { naam: string; plaats?: string } | { kvkNummer: string } | { vestigingsnummer: string };

const Resultaat = z
  .object({
    kvkNummer: z.string(),
    vestigingsnummer: z.string().optional(),
    naam: z.string(),
    adres: z.object({ binnenlandsAdres: z.object({ straatnaam: z.string().optional(), plaats: z.string().optional() }).loose().optional() }).loose().optional(),
    type: z.string().optional(),
  })
  .loose();
const ZoekAntwoord = z.object({ totaal: z.number().optional(), resultaten: z.array(Resultaat) }).loose();
const Basisprofiel = z
  .object({
    kvkNummer: z.string(),
    naam: z.string().optional(),
    statutaireNaam: z.string().optional(),
    _embedded: z
      .object({ hoofdvestiging: z.object({ vestigingsnummer: z.string().optional(), adressen: z.array(z.object({ volledigAdres: z.string().optional() }).loose()).optional() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

export interface KvkInschrijving {
  kvkNummer: string;
  vestigingsnummer: string | null;
  naam: string;
  /** Straat and plaats from Zoeken, or the full address from the Basisprofiel. */
  adres: string | null;
}

/** The Handelsregister as Klantbeeld asks it (a small interface for fakes). */
export interface Handelsregister {
  zoek(vraag: KvkZoekVraag): Promise<KvkInschrijving[]>;
  basisprofiel(kvkNummer: string): Promise<KvkInschrijving | null>;
}

export class KvkClient implements Handelsregister {
  private readonly url: string;
  readonly http: RegisterHttp;

  constructor(options: KvkClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.http = new RegisterHttp({ naam: 'het Handelsregister', headers: { apikey: options.apiKey }, timeoutMs: options.timeoutMs ?? 10_000 });
  }

  async zoek(vraag: KvkZoekVraag, resultatenPerPagina = 10): Promise<KvkInschrijving[]> {
    const params = new URLSearchParams({ ...vraag, resultatenPerPagina: String(resultatenPerPagina) });
    const body = await this.orNothing(() => this.http.json(`${this.url}/v2/zoeken?${params}`, { method: 'GET' }));
    if (body === null) return [];
    const parsed = ZoekAntwoord.safeParse(body);
    if (!parsed.success) throw new RemoteError('Onleesbaar antwoord van het Handelsregister.', 'permanent');
    return parsed.data.resultaten.map((r) => {
      const adres = r.adres?.binnenlandsAdres;
      return {
        kvkNummer: r.kvkNummer,
        vestigingsnummer: r.vestigingsnummer ?? null,
        naam: r.naam,
        adres: [adres?.straatnaam, adres?.plaats].filter(Boolean).join(', ') || null,
      };
    });
  }

  async basisprofiel(kvkNummer: string): Promise<KvkInschrijving | null> {
    const body = await this.orNothing(() => this.http.json(`${this.url}/v1/basisprofielen/${encodeURIComponent(kvkNummer)}`, { method: 'GET' }));
    if (body === null) return null;
    const parsed = Basisprofiel.safeParse(body);
    if (!parsed.success) throw new RemoteError('Onleesbaar antwoord van het Handelsregister.', 'permanent');
    const hoofdvestiging = parsed.data._embedded?.hoofdvestiging;
    return {
      kvkNummer: parsed.data.kvkNummer,
      vestigingsnummer: hoofdvestiging?.vestigingsnummer ?? null,
      naam: parsed.data.naam ?? parsed.data.statutaireNaam ?? parsed.data.kvkNummer,
      adres: hoofdvestiging?.adressen?.[0]?.volledigAdres ?? null,
    };
  }

  /** 404 (IPD5200, IPD0004): nothing found. */
  private async orNothing(read: () => Promise<unknown>): Promise<unknown> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof RemoteError && error.status === 404) return null;
      throw error;
    }
  }
}
