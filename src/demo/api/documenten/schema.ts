/**
 * Documenten API tables of the demo (issue 3): enkelvoudige informatieobjecten with their
 * content, and the zaakinformatieobjecten that link them to zaken on the Zaken side.
 * Created on every open (IF NOT EXISTS), so databases seeded before this existed get them too.
 */
export const DOCUMENTEN_TABLES = `
CREATE TABLE IF NOT EXISTS informatieobject (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, identificatie TEXT NOT NULL, bronorganisatie TEXT NOT NULL,
  creatiedatum TEXT NOT NULL, titel TEXT NOT NULL, vertrouwelijkheidaanduiding TEXT NOT NULL, auteur TEXT NOT NULL,
  status TEXT NOT NULL, formaat TEXT NOT NULL, taal TEXT NOT NULL, bestandsnaam TEXT NOT NULL, beschrijving TEXT NOT NULL,
  informatieobjecttype_uuid TEXT NOT NULL, begin_registratie TEXT NOT NULL, inhoud BLOB NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS informatieobject_uuid ON informatieobject (uuid);
CREATE TABLE IF NOT EXISTS zaakinformatieobject (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, zaak_id INTEGER NOT NULL, informatieobject_id INTEGER NOT NULL,
  titel TEXT NOT NULL, beschrijving TEXT NOT NULL, aard_relatie TEXT NOT NULL, registratiedatum TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS zaakinformatieobject_uuid ON zaakinformatieobject (uuid);
CREATE INDEX IF NOT EXISTS zaakinformatieobject_zaak ON zaakinformatieobject (zaak_id);
CREATE INDEX IF NOT EXISTS zaakinformatieobject_io ON zaakinformatieobject (informatieobject_id);
`;
