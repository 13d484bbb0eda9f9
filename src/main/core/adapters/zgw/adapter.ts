/**
 * The ZGW adapter: Open Zaak (Zaken, Catalogi, Documenten) and Open Klant 2 (Klantinteracties)
 * behind the one adapter interface. Each part has one job and its own file; this class only
 * puts them together:
 * - api.ts: the clients per API, resumable steps, look-ups, the catalogus cache;
 * - reads.ts: every partij, and a customer's dossier (contacts and zaken, in parallel);
 * - contact-writes.ts: a klantcontact with its betrokkene and actor;
 * - zaak-writes.ts: a zaak started from the front office, and the zaaktypen;
 * - lookups.ts: partijen by search key;
 * - partij-writes.ts: a partij for a person only the BRP knew;
 * - zaak-detail.ts: a zaak's detail and its documents, from the zaaksysteem the zaak is in;
 * - callback-writes.ts: terugbelverzoeken and the work queues;
 * - reporting-reads.ts: every klantcontact, page by page, for the team leader's figures.
 */
import type { ZgwConnection } from '../../config/schema';
import type { RemoteCache } from '../../store/remote-cache';
import type { CallbackAdapter, Medewerker, ReportingAdapter, ZaaksysteemAdapter } from '../types';
import { ZgwApi } from './api';
import { CallbackWrites } from './callback-writes';
import { ContactWrites } from './contact-writes';
import { Lookups } from './lookups';
import { PartijWrites } from './partij-writes';
import { DossierReads } from './reads';
import { ReportingReads } from './reporting-reads';
import { ZaakWrites } from './zaak-writes';
import { ZaakDetailReads } from './zaak-detail';

export { documentenBaseUrl } from './api';

export class ZgwAdapter implements ZaaksysteemAdapter, CallbackAdapter, ReportingAdapter {
  readonly label: string;
  private readonly reads: DossierReads;
  private readonly contacts: ContactWrites;
  private readonly zaken: ZaakWrites;
  private readonly lookups: Lookups;
  private readonly partijen: PartijWrites;
  private readonly zaakDetails: ZaakDetailReads;
  private readonly callbacks: CallbackWrites;
  private readonly reporting: ReportingReads;

  constructor(conn: ZgwConnection, user: Medewerker, cache: RemoteCache) {
    const api = new ZgwApi(conn, user, cache);
    this.label = api.label;
    this.reads = new DossierReads(api);
    this.contacts = new ContactWrites(api);
    this.zaken = new ZaakWrites(api);
    this.lookups = new Lookups(api);
    this.partijen = new PartijWrites(api);
    this.zaakDetails = new ZaakDetailReads(api);
    this.callbacks = new CallbackWrites(api, this.contacts);
    this.reporting = new ReportingReads(api, (needed) => this.reads.actorNames(needed));
  }

  listCustomers: ZaaksysteemAdapter['listCustomers'] = (onPage) => this.reads.listCustomers(onPage);
  fetchDossier: ZaaksysteemAdapter['fetchDossier'] = (customer) => this.reads.fetchDossier(customer);
  pushContact: ZaaksysteemAdapter['pushContact'] = (contact, log) => this.contacts.pushContact(contact, log);
  pushZaak = (...args: Parameters<ZaakWrites['pushZaak']>) => this.zaken.pushZaak(...args);
  listZaaktypen = () => this.zaken.listZaaktypen();
  searchCustomers = (...args: Parameters<Lookups['searchCustomers']>) => this.lookups.searchCustomers(...args);
  pushPartij = (...args: Parameters<PartijWrites['pushPartij']>) => this.partijen.pushPartij(...args);
  fetchZaakDetail = (...args: Parameters<ZaakDetailReads['fetchZaakDetail']>) => this.zaakDetails.fetchZaakDetail(...args);
  fetchDocumentContent = (...args: Parameters<ZaakDetailReads['fetchDocumentContent']>) => this.zaakDetails.fetchDocumentContent(...args);
  pushCallback: CallbackAdapter['pushCallback'] = (callback, log) => this.callbacks.pushCallback(callback, log);
  listWorkQueue: CallbackAdapter['listWorkQueue'] = (targets) => this.callbacks.listWorkQueue(targets);
  listTaken: CallbackAdapter['listTaken'] = (status) => this.callbacks.listTaken(status);
  fetchTaken: CallbackAdapter['fetchTaken'] = (urls) => this.callbacks.fetchTaken(urls);
  takenOfPartij: NonNullable<CallbackAdapter['takenOfPartij']> = (partijUrl) => this.callbacks.takenOfPartij(partijUrl);
  patchTaak: CallbackAdapter['patchTaak'] = (patch, log) => this.callbacks.patchTaak(patch, log);
  pushAttempt: CallbackAdapter['pushAttempt'] = (contact, log) => this.callbacks.pushAttempt(contact, log);
  listAttempts: CallbackAdapter['listAttempts'] = (taakUrl) => this.callbacks.listAttempts(taakUrl);
  klantcontactenPage: ReportingAdapter['klantcontactenPage'] = (page) => this.reporting.klantcontactenPage(page);
}
