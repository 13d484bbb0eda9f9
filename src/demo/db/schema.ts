/**
 * SQLite schema of the demo zaaksysteem. Tables mirror the resources of the three APIs;
 * columns hold the fields, JSON text columns hold nested groups (addresses, identificaties).
 * Relations are integer row ids; public identity is the `uuid` column (URLs are built per request).
 * Secondary indexes are created after bulk seeding (see INDEXES) because that is much faster.
 */
export const SCHEMA_VERSION = 1;

export const TABLES = `
CREATE TABLE IF NOT EXISTS demo_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Catalogi API
CREATE TABLE IF NOT EXISTS catalogus (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, domein TEXT NOT NULL, rsin TEXT NOT NULL,
  naam TEXT NOT NULL, versie TEXT NOT NULL, begindatum_versie TEXT,
  contactpersoon_naam TEXT NOT NULL, contactpersoon_telefoon TEXT NOT NULL, contactpersoon_email TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS zaaktype (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, catalogus_id INTEGER NOT NULL, identificatie TEXT NOT NULL,
  omschrijving TEXT NOT NULL, concept INTEGER NOT NULL, begin_geldigheid TEXT NOT NULL, versiedatum TEXT NOT NULL,
  data TEXT NOT NULL /* remaining ZaakType fields as JSON */);
CREATE TABLE IF NOT EXISTS statustype (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, zaaktype_id INTEGER NOT NULL, volgnummer INTEGER NOT NULL,
  omschrijving TEXT NOT NULL, omschrijving_generiek TEXT NOT NULL, statustekst TEXT NOT NULL,
  informeren INTEGER NOT NULL, doorlooptijd TEXT);
CREATE TABLE IF NOT EXISTS roltype (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, zaaktype_id INTEGER NOT NULL,
  omschrijving TEXT NOT NULL, omschrijving_generiek TEXT NOT NULL);

-- Zaken API
CREATE TABLE IF NOT EXISTS zaak (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, identificatie TEXT NOT NULL, bronorganisatie TEXT NOT NULL,
  omschrijving TEXT NOT NULL, toelichting TEXT NOT NULL, zaaktype_id INTEGER NOT NULL, registratiedatum TEXT NOT NULL,
  verantwoordelijke_organisatie TEXT NOT NULL, startdatum TEXT NOT NULL, einddatum TEXT, einddatum_gepland TEXT,
  uiterlijke_einddatum_afdoening TEXT, publicatiedatum TEXT, vertrouwelijkheidaanduiding TEXT NOT NULL,
  communicatiekanaal_naam TEXT NOT NULL, status_id INTEGER, laatst_gemuteerd TEXT NOT NULL,
  extra TEXT /* JSON: other writable fields sent on create */,
  user_id TEXT, user_representation TEXT /* audit: JWT claims of the creator; null for seed data */);
CREATE TABLE IF NOT EXISTS status (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, zaak_id INTEGER NOT NULL, statustype_id INTEGER NOT NULL,
  datum_status_gezet TEXT NOT NULL, statustoelichting TEXT NOT NULL, gezetdoor TEXT,
  user_id TEXT, user_representation TEXT);
CREATE TABLE IF NOT EXISTS rol (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, zaak_id INTEGER NOT NULL, roltype_id INTEGER NOT NULL,
  betrokkene_type TEXT NOT NULL, betrokkene TEXT NOT NULL, afwijkende_naam TEXT NOT NULL, roltoelichting TEXT NOT NULL,
  registratiedatum TEXT NOT NULL, indicatie_machtiging TEXT NOT NULL, contactpersoon TEXT, identificatie TEXT NOT NULL,
  omschrijving_generiek TEXT NOT NULL /* denormalised from roltype for the rol__omschrijvingGeneriek filter */,
  inp_bsn TEXT, kvk_nummer TEXT, vestigings_nummer TEXT, inn_nnp_id TEXT, medewerker_identificatie TEXT,
  user_id TEXT, user_representation TEXT);
CREATE TABLE IF NOT EXISTS audittrail (
  id INTEGER PRIMARY KEY, api TEXT NOT NULL, resource TEXT NOT NULL, resource_uuid TEXT NOT NULL, actie TEXT NOT NULL,
  client_id TEXT, user_id TEXT, user_representation TEXT, aanmaakdatum TEXT NOT NULL);

-- Klantinteracties API
CREATE TABLE IF NOT EXISTS partij (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, nummer TEXT, soort_partij TEXT NOT NULL,
  interne_notitie TEXT NOT NULL, indicatie_geheimhouding INTEGER, indicatie_actief INTEGER NOT NULL,
  voorkeurstaal TEXT NOT NULL, voorkeurs_digitaal_adres_id INTEGER,
  voorletters TEXT, voornaam TEXT, voorvoegsel_achternaam TEXT, achternaam TEXT, naam TEXT,
  bezoekadres TEXT, correspondentieadres TEXT);
CREATE TABLE IF NOT EXISTS partij_identificator (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, partij_id INTEGER, andere_partij_identificator TEXT NOT NULL,
  code_objecttype TEXT NOT NULL, code_soort_object_id TEXT NOT NULL, object_id TEXT NOT NULL, code_register TEXT NOT NULL,
  sub_identificator_van_id INTEGER);
CREATE TABLE IF NOT EXISTS klantcontact (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, nummer TEXT, referentienummer TEXT, kanaal TEXT NOT NULL,
  onderwerp TEXT NOT NULL, inhoud TEXT NOT NULL, reactie TEXT NOT NULL, indicatie_contact_gelukt INTEGER,
  hoofd_onderwerp_type TEXT, verdere_actie_ondernomen INTEGER NOT NULL, taal TEXT NOT NULL, vertrouwelijk INTEGER NOT NULL,
  plaatsgevonden_op TEXT NOT NULL, metadata TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS betrokkene (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, klantcontact_id INTEGER NOT NULL, partij_id INTEGER,
  rol TEXT NOT NULL, initiator INTEGER NOT NULL, organisatienaam TEXT NOT NULL, contactnaam TEXT,
  bezoekadres TEXT, correspondentieadres TEXT);
CREATE TABLE IF NOT EXISTS digitaal_adres (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, partij_id INTEGER, betrokkene_id INTEGER, adres TEXT NOT NULL,
  soort_digitaal_adres TEXT NOT NULL, is_standaard_adres INTEGER NOT NULL, omschrijving TEXT NOT NULL,
  referentie TEXT NOT NULL, verificatie_datum TEXT);
CREATE TABLE IF NOT EXISTS onderwerpobject (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, klantcontact_id INTEGER, was_klantcontact_id INTEGER,
  code_objecttype TEXT, code_register TEXT, code_soort_object_id TEXT, object_id TEXT);
CREATE TABLE IF NOT EXISTS actor (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, naam TEXT NOT NULL, soort_actor TEXT NOT NULL,
  indicatie_actief INTEGER NOT NULL, code_objecttype TEXT, code_register TEXT, code_soort_object_id TEXT, object_id TEXT,
  actor_identificatie TEXT);
CREATE TABLE IF NOT EXISTS actorklantcontact (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, actor_id INTEGER NOT NULL, klantcontact_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS internetaak (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, nummer TEXT, referentienummer TEXT, gevraagde_handeling TEXT NOT NULL,
  klantcontact_id INTEGER NOT NULL, toelichting TEXT NOT NULL, status TEXT NOT NULL, toegewezen_op TEXT NOT NULL,
  afgehandeld_op TEXT);
CREATE TABLE IF NOT EXISTS internetaak_actor (
  internetaak_id INTEGER NOT NULL, actor_id INTEGER NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY (internetaak_id, pos));

-- Kennisbank (demo only; served later)
CREATE TABLE IF NOT EXISTS kennisartikel (
  id TEXT PRIMARY KEY, titel TEXT NOT NULL, samenvatting TEXT NOT NULL, afdeling TEXT NOT NULL, upl TEXT,
  trefwoorden TEXT NOT NULL, synoniemen TEXT NOT NULL, secties TEXT NOT NULL, kanaal_antwoorden TEXT NOT NULL,
  laatst_beoordeeld TEXT NOT NULL);
`;

/** Indexes that serve the list filters. Created after bulk seeding. */
export const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS catalogus_uuid ON catalogus (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS zaaktype_uuid ON zaaktype (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS statustype_uuid ON statustype (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS roltype_uuid ON roltype (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS zaak_uuid ON zaak (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS status_uuid ON status (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS rol_uuid ON rol (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS partij_uuid ON partij (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS partij_identificator_uuid ON partij_identificator (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS klantcontact_uuid ON klantcontact (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS betrokkene_uuid ON betrokkene (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS digitaal_adres_uuid ON digitaal_adres (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS onderwerpobject_uuid ON onderwerpobject (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS actor_uuid ON actor (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS actorklantcontact_uuid ON actorklantcontact (uuid);
CREATE UNIQUE INDEX IF NOT EXISTS internetaak_uuid ON internetaak (uuid);
CREATE INDEX IF NOT EXISTS zaaktype_catalogus ON zaaktype (catalogus_id);
CREATE INDEX IF NOT EXISTS statustype_zaaktype ON statustype (zaaktype_id, volgnummer);
CREATE INDEX IF NOT EXISTS roltype_zaaktype ON roltype (zaaktype_id);
CREATE INDEX IF NOT EXISTS zaak_identificatie ON zaak (identificatie);
CREATE INDEX IF NOT EXISTS zaak_zaaktype ON zaak (zaaktype_id);
CREATE INDEX IF NOT EXISTS zaak_open ON zaak (id) WHERE einddatum IS NULL;
CREATE INDEX IF NOT EXISTS status_zaak ON status (zaak_id);
CREATE INDEX IF NOT EXISTS rol_zaak ON rol (zaak_id);
CREATE INDEX IF NOT EXISTS rol_bsn ON rol (inp_bsn) WHERE inp_bsn IS NOT NULL;
CREATE INDEX IF NOT EXISTS rol_kvk ON rol (kvk_nummer) WHERE kvk_nummer IS NOT NULL;
CREATE INDEX IF NOT EXISTS rol_vestiging ON rol (vestigings_nummer) WHERE vestigings_nummer IS NOT NULL;
CREATE INDEX IF NOT EXISTS rol_rsin ON rol (inn_nnp_id) WHERE inn_nnp_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS partij_identificator_object ON partij_identificator (object_id, code_soort_object_id);
CREATE INDEX IF NOT EXISTS partij_identificator_partij ON partij_identificator (partij_id);
CREATE INDEX IF NOT EXISTS klantcontact_tijd ON klantcontact (plaatsgevonden_op);
CREATE INDEX IF NOT EXISTS klantcontact_kanaal ON klantcontact (kanaal, plaatsgevonden_op);
CREATE INDEX IF NOT EXISTS betrokkene_klantcontact ON betrokkene (klantcontact_id);
CREATE INDEX IF NOT EXISTS betrokkene_partij ON betrokkene (partij_id) WHERE partij_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS digitaal_adres_partij ON digitaal_adres (partij_id) WHERE partij_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS digitaal_adres_betrokkene ON digitaal_adres (betrokkene_id) WHERE betrokkene_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS onderwerpobject_klantcontact ON onderwerpobject (klantcontact_id);
CREATE INDEX IF NOT EXISTS onderwerpobject_object ON onderwerpobject (object_id);
CREATE INDEX IF NOT EXISTS actor_identificator ON actor (object_id);
CREATE INDEX IF NOT EXISTS actorklantcontact_klantcontact ON actorklantcontact (klantcontact_id);
CREATE INDEX IF NOT EXISTS actorklantcontact_actor ON actorklantcontact (actor_id);
CREATE INDEX IF NOT EXISTS internetaak_klantcontact ON internetaak (klantcontact_id);
CREATE INDEX IF NOT EXISTS internetaak_status ON internetaak (status, id);
CREATE INDEX IF NOT EXISTS internetaak_actor_actor ON internetaak_actor (actor_id, internetaak_id);
`;
