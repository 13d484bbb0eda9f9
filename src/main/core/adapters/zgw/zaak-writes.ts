import { CreatedZaak, Roltype, StatustypeListItem, ZaakKenmerken, ZaaktypeListItem, latestVersions, statusMoment } from './zaak-start';
import { RemoteError, type OutgoingZaak, type ZaaktypeSummary, type StepLog } from '../types';
import { Created, parseRemote } from './remote';
import { ZgwApi } from './api';
import { collect, type ApiClient } from './http';
import { accessDenied } from './permissions';
import { dateInNetherlands } from '../../util/local-date';

/** The kenmerk `bron` of the idempotency key on a zaak started here (kenmerk and bron: at most 40 characters). */
export const KENMERK_BRON = 'Klantbeeld';
/** Pages of a day's zaken of one zaaktype searched for a zaak whose create response was lost. */
const LOOKUP_MAX_PAGES = 10;

/** Starting a zaak from the front office (zaak, initiator rol, first status) and the zaaktypen to pick from. */
export class ZaakWrites {
  constructor(
    private readonly api: ZgwApi,
    /** The desktop clock; only the server's clock decides what is "in the future". */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pushZaak(zaak: OutgoingZaak, log: StepLog): Promise<{ sourceUrl: string; identificatie: string; status: string | null }> {
    const zc = this.api.zaken;
    // The server's clock as of its latest answer in this run (see statusMoment).
    let serverDate: string | null = null;
    const send = async (url: string, body: unknown, what: 'zaak-aanmaken' | 'rol' | 'status') => {
      const response = await accessDenied.rethrow(zc.request(url, { method: 'POST', body, headers: { 'X-Audit-Toelichting': 'Gestart vanuit Klantbeeld' } }), what);
      serverDate = response.date ?? serverDate;
      return response;
    };
    const created = await this.api.step(
      log,
      'zaak',
      async () => {
        const response = await send(
          zc.url('/zaken'),
          {
            bronorganisatie: this.api.conn.bronorganisatie,
            verantwoordelijkeOrganisatie: this.api.conn.bronorganisatie,
            zaaktype: zaak.zaaktypeUrl,
            omschrijving: zaak.omschrijving,
            startdatum: zaak.startdatum,
            // The idempotency key, so a retry after a lost response finds this zaak instead of making a twin.
            kenmerken: [{ kenmerk: zaak.idempotencyKey, bron: KENMERK_BRON }],
            ...(zaak.kanaal ? { communicatiekanaalNaam: zaak.kanaal } : {}),
          },
          'zaak-aanmaken',
        );
        log.record('zaak:identificatie', parseRemote(CreatedZaak, response.body, 'zaak').identificatie);
        return response;
      },
      () => this.findZaak(zaak, log),
    );
    await this.api.step(
      log,
      'rol',
      async () => {
        const roltype = await this.initiatorRoltype(zaak.zaaktypeUrl);
        const { bsn, kvkNummer } = zaak.customer;
        const rol = bsn
          ? { betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpBsn: bsn } }
          : kvkNummer
            ? { betrokkeneType: 'niet_natuurlijk_persoon', betrokkeneIdentificatie: { kvkNummer } }
            : null;
        if (!rol) throw new RemoteError('Deze klant heeft geen BSN of KvK-nummer: de initiator kan niet worden vastgelegd.', 'permanent');
        return send(zc.url('/rollen'), { zaak: created.url, roltype: roltype.url, roltoelichting: 'Initiator (aanvrager)', ...rol }, 'rol');
      },
      () => this.firstOf(zc, `/rollen?zaak=${encodeURIComponent(created.url)}&omschrijvingGeneriek=initiator`),
    );
    const statustype = await this.firstStatustype(zaak.zaaktypeUrl);
    await this.api.step(
      log,
      'status',
      async () => {
        // Nothing from this run told the server's time (a resumed entry): ask for the zaak, which also has its identificatie.
        serverDate ??= (await zc.request(created.url)).date ?? null;
        const datumStatusGezet = statusMoment(this.now(), serverDate);
        return send(zc.url('/statussen'), { zaak: created.url, statustype: statustype.url, datumStatusGezet, statustoelichting: 'Zaak gestart' }, 'status');
      },
      () => this.firstOf(zc, `/statussen?zaak=${encodeURIComponent(created.url)}&statustype=${encodeURIComponent(statustype.url)}`),
    );
    let identificatie = typeof log.done['zaak:identificatie'] === 'string' ? log.done['zaak:identificatie'] : null;
    // Lost with a crash between the create and its log line: read it back.
    identificatie ??= parseRemote(CreatedZaak, (await zc.request(created.url)).body, 'zaak').identificatie;
    return { sourceUrl: created.url, identificatie, status: statustype.omschrijving };
  }

  /**
   * The zaak a lost create made, by its kenmerk. Open Zaak's zaken list has no kenmerk filter
   * (open-zaak: src/openzaak/components/zaken/api/filters.py, ZaakFilter), so the day's zaken of
   * this zaaktype and bronorganisatie are read and matched here.
   */
  private async findZaak(zaak: OutgoingZaak, log: StepLog): Promise<{ uuid: string; url: string } | null> {
    const zc = this.api.zaken;
    const params = new URLSearchParams({ zaaktype: zaak.zaaktypeUrl, bronorganisatie: this.api.conn.bronorganisatie, startdatum: zaak.startdatum });
    const { items } = await collect(zc, zc.url(`/zaken?${params}`), {}, LOOKUP_MAX_PAGES);
    for (const item of items) {
      const found = ZaakKenmerken.safeParse(item);
      if (found.success && found.data.kenmerken?.some((k) => k.kenmerk === zaak.idempotencyKey && k.bron === KENMERK_BRON)) {
        log.record('zaak:identificatie', found.data.identificatie);
        return { uuid: found.data.uuid, url: found.data.url };
      }
    }
    return null;
  }

  /** The first object of a filtered Zaken list (the rol or status a lost response made). */
  private async firstOf(client: ApiClient, path: string): Promise<{ uuid: string; url: string } | null> {
    const { items } = await collect(client, client.url(path), {}, 1);
    return items.length ? parseRemote(Created, items[0], 'zoekresultaat') : null;
  }

  /**
   * The zaaktypen valid today, one per identificatie. Catalogi lists every published version of a
   * zaaktype; `datumGeldigheid` keeps those whose beginGeldigheid ≤ today ≤ eindeGeldigheid
   * (open-zaak: src/openzaak/components/catalogi/api/filters.py, geldigheid_filter).
   */
  async listZaaktypen(): Promise<ZaaktypeSummary[]> {
    const today = dateInNetherlands(this.now());
    const first = this.api.catalogi.url(`/zaaktypen?status=definitief&datumGeldigheid=${today}&pageSize=${this.api.conn.pageSize}`);
    const { items } = await accessDenied.rethrow(collect(this.api.catalogi, first, {}, 20), 'zaaktypen');
    const valid = items
      .map((item) => parseRemote(ZaaktypeListItem, item, 'zaaktype'))
      .filter((zt) => !zt.concept)
      .map((zt) => ({
        url: zt.url,
        identificatie: zt.identificatie ?? '',
        omschrijving: zt.omschrijving,
        beginGeldigheid: zt.beginGeldigheid,
        eindeGeldigheid: zt.eindeGeldigheid ?? null,
      }));
    return latestVersions(valid).sort((a, b) => a.omschrijving.localeCompare(b.omschrijving, 'nl'));
  }

  /** The zaaktype's roltype with omschrijvingGeneriek `initiator`. */
  private async initiatorRoltype(zaaktypeUrl: string): Promise<{ url: string }> {
    const ct = this.api.catalogi;
    const query = `/roltypen?zaaktype=${encodeURIComponent(zaaktypeUrl)}&omschrijvingGeneriek=initiator`;
    const { items } = await accessDenied.rethrow(collect(ct, ct.url(query), {}, 1), 'zaaktypen');
    const found = items.map((r) => parseRemote(Roltype, r, 'roltype')).find((r) => r.omschrijvingGeneriek === 'initiator');
    if (!found) throw new RemoteError('Het zaaktype heeft geen roltype "initiator".', 'permanent');
    return found;
  }

  /** The first statustype of a zaaktype (lowest volgnummer). */
  private async firstStatustype(zaaktypeUrl: string): Promise<{ url: string; omschrijving: string }> {
    const ct = this.api.catalogi;
    const { items } = await accessDenied.rethrow(collect(ct, ct.url(`/statustypen?zaaktype=${encodeURIComponent(zaaktypeUrl)}`), {}, 5), 'zaaktypen');
    const sorted = items.map((st) => parseRemote(StatustypeListItem, st, 'statustype')).sort((a, b) => a.volgnummer - b.volgnummer);
    const first = sorted[0];
    if (!first) throw new RemoteError('Het zaaktype heeft geen statustypen.', 'permanent');
    return first;
  }
}
