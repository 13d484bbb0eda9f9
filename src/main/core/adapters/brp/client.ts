/**
 * A small client of the Haal Centraal "BRP API Personen" (2.x): `POST {url}/personen` with
 * `X-API-KEY`. The BSN and the other search keys travel only in the POST body, never in a URL
 * and never in a log line.
 */
export interface BrpClientOptions { url: string; apiKey: string; timeoutMs?: number }

export interface BrpZoekVraag { geslachtsnaam: string; geboortedatum: string; voorvoegsel?: string | null; voornamen?: string }

export interface BrpPersoon { burgerservicenummer: string | null; geslachtsnaam: string | null; voornamen: string | null; voorvoegsel: string | null; geboortedatum: string | null }

export class BrpError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}

export class BrpClient {
  private readonly url: string;
  constructor(private readonly options: BrpClientOptions) {
    this.url = `${options.url.replace(/\/+$/, '')}/personen`;
  }

  /** ZoekMetGeslachtsnaamEnGeboortedatum: the persons the BRP finds (at most a handful). */
  async zoekMetGeslachtsnaamEnGeboortedatum(vraag: BrpZoekVraag): Promise<BrpPersoon[]> {
    const body: Record<string, unknown> = {
      type: 'ZoekMetGeslachtsnaamEnGeboortedatum',
      fields: ['burgerservicenummer', 'naam', 'geboorte.datum'],
      geslachtsnaam: vraag.geslachtsnaam,
      geboortedatum: vraag.geboortedatum,
    };
    if (vraag.voorvoegsel) body.voorvoegsel = vraag.voorvoegsel;
    if (vraag.voornamen) body.voornamen = vraag.voornamen;
    const answer = await this.post(body);
    const personen = Array.isArray(answer.personen) ? (answer.personen as Record<string, unknown>[]) : [];
    return personen.map(toPersoon);
  }

  private async post(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-API-KEY': this.options.apiKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const e = error as Error;
      throw new BrpError(e.name === 'TimeoutError' ? 'de BRP antwoordde niet op tijd' : 'de BRP is niet bereikbaar', null);
    }
    const text = await response.text();
    let json: Record<string, unknown>;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new BrpError(`de BRP gaf een onleesbaar antwoord (HTTP ${response.status})`, response.status);
    }
    if (!response.ok) {
      const title = typeof json.title === 'string' ? json.title : `HTTP ${response.status}`;
      throw new BrpError(`de BRP weigerde de vraag: ${title}`, response.status);
    }
    return json;
  }
}

function toPersoon(p: Record<string, unknown>): BrpPersoon {
  const naam = (p.naam ?? {}) as Record<string, unknown>;
  const datum = ((p.geboorte as Record<string, unknown> | undefined)?.datum ?? {}) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
  return {
    burgerservicenummer: str(p.burgerservicenummer),
    geslachtsnaam: str(naam.geslachtsnaam),
    voornamen: str(naam.voornamen),
    voorvoegsel: str(naam.voorvoegsel),
    geboortedatum: str(datum.datum),
  };
}
