/**
 * The one interface between the core and a zaaksysteem. Services and the sync engine use only
 * this; mapping between remote and local shapes lives inside each adapter. A second adapter
 * (Open Klant 1 / e-Suite: Klanten + Contactmomenten v1) implements the same interface.
 */
import type { ContactRecord, CustomerRecord, Dossier } from '../store/records';
import type { ReportContactRecord } from '../store/reporting';

export interface CustomerRef {
  sourceUrl: string;
  bsn: string | null;
  kvkNummer: string | null;
}

export interface Medewerker {
  id: string;
  naam: string;
  email: string;
  /** Open Klant requires both when a medewerker Actor is created (Medewerker.required). */
  functie?: string;
  telefoonnummer?: string;
}

export interface OutgoingContact {
  idempotencyKey: string;
  /** null: an unknown caller; the betrokkene then has no partij, only `beller`. */
  customer: CustomerRef | null;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
  plaatsgevondenOp: string;
  medewerker: Medewerker;
  /** Stored in klantcontact.metadata (the Turfbrug convention). */
  gespreksresultaat?: string;
  afdeling?: string;
  /** Zaken the contact was about (onderwerpobjecten zgw-Zaak / openzaak / uuid). */
  zaakUuids?: string[];
  /** Name and phone number of an unknown caller (betrokkene contactnaam + digitaal adres). */
  beller?: { naam: string; nummer: string };
  /** Kennisbank articles consulted (klantcontact.metadata.kennisartikelen: ids) and "antwoord gevonden". */
  kennisartikelen?: { id: string; titel: string }[];
  antwoordGevonden?: boolean;
  /** A call attempt on a terugbelverzoek: the interne taak it is about (onderwerpobject), its outcome. */
  poging?: { interneTaakUuid: string; uitkomst: string; gelukt: boolean };
}

/** A zaak started from the front office: the customer is its initiator. */
export interface OutgoingZaak {
  idempotencyKey: string;
  customer: CustomerRef;
  zaaktypeUrl: string;
  omschrijving: string;
  startdatum: string;
  kanaal: string | null;
}

export interface ZaaktypeSummary {
  url: string;
  identificatie: string;
  omschrijving: string;
  /** The version's validity (Catalogi beginGeldigheid/eindeGeldigheid, dates); absent in lists cached before. */
  beginGeldigheid?: string;
  eindeGeldigheid?: string | null;
}

/** Step results of a multi-step remote write, persisted by the outbox after every step. */
export interface StepLog {
  readonly done: Readonly<Record<string, unknown>>;
  record(step: string, result: unknown): void;
}

export interface ZaaksysteemAdapter {
  readonly label: string;
  /** Every customer the source holds, page by page (prefetch for search as you type). */
  listCustomers(onPage: (records: CustomerRecord[], total: number | null) => void | Promise<void>): Promise<void>;
  /** A customer's contacts and zaken, fetched in parallel. `complete`: lists read to the end. */
  fetchDossier(customer: CustomerRef): Promise<Dossier & { complete: boolean }>;
  /**
   * Identify (issue 3): partijen the source holds for one search key, with their digitale
   * adressen. Optional: an adapter without it only searches the cache.
   */
  searchCustomers?(query: RemoteCustomerQuery): Promise<CustomerRecord[]>;
  /** A zaak's statushistorie, rollen and documents, fetched live (issue 3). */
  fetchZaakDetail?(zaakUrl: string): Promise<ZaakDetailRecord>;
  /** The content of a document of the Documenten API; only URLs of the configured Documenten API. */
  fetchDocumentContent?(documentUrl: string): Promise<{ bytes: Buffer; contentType: string | null }>;
  /** Registers a klantcontact; resumes after the steps already in `log.done`. */
  pushContact(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string; record: ContactRecord }>;
  /** Creates a zaak, its initiator rol and its first status; resumes after the steps in `log.done`. */
  pushZaak(zaak: OutgoingZaak, log: StepLog): Promise<{ sourceUrl: string; identificatie: string; status: string | null }>;
  /** The published zaaktypen of the catalogus (for the picker). */
  listZaaktypen(): Promise<ZaaktypeSummary[]>;
  /**
   * A partij for a person the BRP knows and Open Klant does not (issue 12): looked up by BSN
   * first, created only when none exists. Optional: an adapter without it parks the entry.
   */
  pushPartij?(partij: OutgoingPartij, log: StepLog): Promise<{ sourceUrl: string }>;
}

/** A person from the BRP on the way to a partij: the BSN and the name as the BRP gives it. */
export interface OutgoingPartij {
  bsn: string;
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string;
  /** The BRP's geheimhoudingPersoonsgegevens, carried over as the partij's indicatieGeheimhouding. */
  geheimhouding: boolean;
}

export type RemoteCustomerQuery =
  | { kind: 'bsn'; value: string }
  | { kind: 'kvk'; value: string }
  | { kind: 'vestigingsnummer'; value: string }
  /** `+31612345678`: the adapter matches however the source wrote the number. */
  | { kind: 'telefoon'; value: string }
  | { kind: 'email'; value: string };

export interface ZaakDetailRecord {
  identificatie: string;
  omschrijving: string;
  toelichting: string;
  zaaktype: string;
  vertrouwelijkheid: string | null;
  statussen: { naam: string; datum: string; toelichting: string }[];
  rollen: { rol: string; betrokkeneType: string; naam: string }[];
  documenten: {
    url: string;
    uuid: string;
    titel: string;
    datum: string | null;
    vertrouwelijkheid: string | null;
    formaat: string | null;
    bestandsnaam: string | null;
    bestandsomvang: number | null;
    /** False: linked to the zaak, but this client may not read it (403) or it is gone (404). Absent in copies cached before. */
    beschikbaar?: boolean;
  }[];
}

/** Where a callback goes: an afdeling, a groep or a medewerker, by the code the source uses. */
export interface ActorTarget {
  soort: 'afdeling' | 'groep' | 'medewerker';
  /** afdeling/groep: its short code (actoridentificator objectId); medewerker: the e-mail address. */
  code: string;
}

/** A terugbelverzoek (contactverzoek): a klantcontact plus an interne taak for colleagues. */
export interface OutgoingCallback {
  contact: OutgoingContact;
  /** What the colleague should do; `gevraagdeHandeling` (200 characters). */
  vraag: string;
  /** The internal note for the colleague (never shown to the customer); `toelichting`. */
  toelichting: string;
  toegewezenAan: ActorTarget[];
  /** Where to call back; sent as digitale adressen of the betrokkene. */
  telefoonnummers: string[];
  emailadressen: string[];
}

/** An interne taak as a work queue shows it. */
export interface CallbackRecord {
  sourceUrl: string;
  klantcontactUrl: string;
  /** The partij of the klantcontact's betrokkene, if it has one (unknown callers have none). */
  partijUrl: string | null;
  klantNaam: string | null;
  onderwerp: string | null;
  vraag: string;
  toelichting: string;
  status: 'te_verwerken' | 'verwerkt';
  toegewezenAan: { soort: ActorTarget['soort'] | 'onbekend'; code: string | null; naam: string }[];
  toegewezenOp: string | null;
  afgehandeldOp: string | null;
  /** When the customer asked: the klantcontact's plaatsgevondenOp (the deadline counts from it). */
  ontvangenOp: string | null;
  /** Who registered it: the klantcontact's medewerker, when the source names one. */
  aangemaaktDoor: string | null;
  /** Where to call back: the digitale adressen of the klantcontact's betrokkene. */
  telefoonnummers: string[];
  emailadressen: string[];
}

/** A change to an interne taak: who it is assigned to, its status, a line added to the toelichting. */
export interface TaakPatch {
  taakUrl: string;
  actoren?: ActorTarget[];
  status?: 'te_verwerken' | 'verwerkt';
  /** Appended to the toelichting as its own line; refused (never cut) when it would not fit. */
  regel?: string;
}

/** A call attempt read back from the zaaksysteem (logged on any machine). */
export interface AttemptRecord {
  sourceUrl: string;
  at: string;
  door: string;
  uitkomst: string | null;
  notitie: string;
}

/** Callbacks and work queues (interne taken). An adapter without them has no callbacks. */
export interface CallbackAdapter {
  pushCallback(callback: OutgoingCallback, log: StepLog): Promise<{ sourceUrl: string; klantcontactUrl: string }>;
  /** Open interne taken assigned to any of these actors, every page. */
  listWorkQueue(targets: ActorTarget[]): Promise<CallbackRecord[]>;
  /** Every interne taak with this status (the team leader's view), newest first; only the first `pages` pages if given. */
  listTaken(status: 'te_verwerken' | 'verwerkt', pages?: number): Promise<CallbackRecord[]>;
  /** These interne taken as they are now; ones the source no longer has are left out. */
  fetchTaken(urls: readonly string[]): Promise<CallbackRecord[]>;
  /** Every interne taak of this partij (open and handled), whoever it is assigned to. */
  takenOfPartij?(partijUrl: string): Promise<CallbackRecord[]>;
  /** Changes an interne taak; resumable (each step in the log), safe to repeat. */
  patchTaak(patch: TaakPatch, log: StepLog): Promise<{ toelichting: string; afgehandeldOp: string | null }>;
  /** A call attempt: a klantcontact (contact.poging set) about the interne taak. */
  pushAttempt(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string }>;
  /** The attempts logged on an interne taak, oldest first. */
  listAttempts(taakUrl: string): Promise<AttemptRecord[]>;
}

/** Every klantcontact for the team leader's figures (issue 5), without personal data. */
export interface ReportingAdapter {
  /** One page (1-based) of all klantcontacten, newest first; `last`: no page follows. */
  klantcontactenPage(page: number): Promise<{ records: ReportContactRecord[]; total: number | null; last: boolean }>;
}

/**
 * A failure talking to the zaaksysteem. `transient` is retried with backoff (network, 5xx,
 * 408, 429, 401 after renewing credentials); `permanent` parks the outbox entry for a person.
 */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly kind: 'transient' | 'permanent',
    readonly status: number | null = null,
    readonly invalidParams: { name: string; reason: string }[] = [],
    readonly retryAfterMs: number | null = null,
    /** A setting or server version only the beheerder can fix (a refused Token, an Open Klant too old): shown in the sync status. */
    readonly forBeheerder = false,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}
