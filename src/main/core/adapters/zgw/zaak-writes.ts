import { CreatedZaak, Roltype, StatustypeListItem, ZaaktypeListItem } from './zaak-start';
import { RemoteError, type OutgoingZaak, type ZaaktypeSummary, type StepLog } from '../types';
import { parseRemote } from './remote';
import { ZgwApi } from './api';
import { collect } from './http';

/** Starting a zaak from the front office (zaak, initiator rol, first status) and the zaaktypen to pick from. */
export class ZaakWrites {
  constructor(private readonly api: ZgwApi) {}

  async pushZaak(zaak: OutgoingZaak, log: StepLog): Promise<{ sourceUrl: string; identificatie: string; status: string | null }> {
    const zc = this.api.zaken;
    const created = await this.api.step(log, 'zaak', async () => {
      const response = await zc.request(zc.url('/zaken'), {
        method: 'POST',
        body: {
          bronorganisatie: this.api.conn.bronorganisatie,
          verantwoordelijkeOrganisatie: this.api.conn.bronorganisatie,
          zaaktype: zaak.zaaktypeUrl,
          omschrijving: zaak.omschrijving,
          startdatum: zaak.startdatum,
          ...(zaak.kanaal ? { communicatiekanaalNaam: zaak.kanaal } : {}),
        },
        headers: { 'X-Audit-Toelichting': 'Gestart vanuit Klantbeeld' },
      });
      const body = parseRemote(CreatedZaak, response.body, 'zaak');
      log.record('zaak:identificatie', body.identificatie);
      return response;
    });
    await this.api.step(log, 'rol', async () => {
      const roltype = await this.initiatorRoltype(zaak.zaaktypeUrl);
      const { bsn, kvkNummer } = zaak.customer;
      const rol = bsn
        ? { betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpBsn: bsn } }
        : kvkNummer
          ? { betrokkeneType: 'niet_natuurlijk_persoon', betrokkeneIdentificatie: { kvkNummer } }
          : null;
      if (!rol) throw new RemoteError('Deze klant heeft geen BSN of KvK-nummer: de initiator kan niet worden vastgelegd.', 'permanent');
      return zc.request(zc.url('/rollen'), {
        method: 'POST',
        body: { zaak: created.url, roltype: roltype.url, roltoelichting: 'Initiator (aanvrager)', ...rol },
      });
    });
    const statustype = await this.firstStatustype(zaak.zaaktypeUrl);
    await this.api.step(log, 'status', () =>
      zc.request(zc.url('/statussen'), {
        method: 'POST',
        body: { zaak: created.url, statustype: statustype.url, datumStatusGezet: new Date().toISOString(), statustoelichting: 'Zaak gestart' },
      }),
    );
    let identificatie = typeof log.done['zaak:identificatie'] === 'string' ? log.done['zaak:identificatie'] : null;
    // Lost with a crash between the create and its log line: read it back.
    identificatie ??= parseRemote(CreatedZaak, (await zc.request(created.url)).body, 'zaak').identificatie;
    return { sourceUrl: created.url, identificatie, status: statustype.omschrijving };
  }

  async listZaaktypen(): Promise<ZaaktypeSummary[]> {
    const first = this.api.catalogi.url(`/zaaktypen?status=definitief&pageSize=${this.api.conn.pageSize}`);
    const { items } = await collect(this.api.catalogi, first, {}, 20);
    return items
      .map((item) => parseRemote(ZaaktypeListItem, item, 'zaaktype'))
      .filter((zt) => !zt.concept)
      .map((zt) => ({ url: zt.url, identificatie: zt.identificatie ?? '', omschrijving: zt.omschrijving }))
      .sort((a, b) => a.omschrijving.localeCompare(b.omschrijving, 'nl'));
  }

  /** The zaaktype's roltype with omschrijvingGeneriek `initiator`. */
  private async initiatorRoltype(zaaktypeUrl: string): Promise<{ url: string }> {
    const ct = this.api.catalogi;
    const query = `/roltypen?zaaktype=${encodeURIComponent(zaaktypeUrl)}&omschrijvingGeneriek=initiator`;
    const { items } = await collect(ct, ct.url(query), {}, 1);
    const found = items.map((r) => parseRemote(Roltype, r, 'roltype')).find((r) => r.omschrijvingGeneriek === 'initiator');
    if (!found) throw new RemoteError('Het zaaktype heeft geen roltype "initiator".', 'permanent');
    return found;
  }

  /** The first statustype of a zaaktype (lowest volgnummer). */
  private async firstStatustype(zaaktypeUrl: string): Promise<{ url: string; omschrijving: string }> {
    const ct = this.api.catalogi;
    const { items } = await collect(ct, ct.url(`/statustypen?zaaktype=${encodeURIComponent(zaaktypeUrl)}`), {}, 5);
    const sorted = items.map((st) => parseRemote(StatustypeListItem, st, 'statustype')).sort((a, b) => a.volgnummer - b.volgnummer);
    const first = sorted[0];
    if (!first) throw new RemoteError('Het zaaktype heeft geen statustypen.', 'permanent');
    return first;
  }
}
