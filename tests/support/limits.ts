/**
 * The field limits and formats of what a clerk types, written by hand from the domain and the
 * zaaksysteem's own specs, not read from the contract's schemas: the oracle of
 * tests/integration/security/field-limits.test.ts. Sources: domain.md "Field limits from Open
 * Klant 2"; /work/shared/specs/klantinteracties-openapi.yaml (Klantcontact, InterneTaak,
 * DigitaalAdres, Contactnaam) and zaken-openapi.yaml (Zaak), each `maxLength`.
 *
 * `where` says where the zaaksysteem keeps the value, so the test can check that a value at the
 * limit arrives whole: the klantcontact of the call, its interne taak, or the zaak.
 */
export type Stored = 'klantcontact' | 'internetaak' | 'zaak' | 'contactnaam';

export interface FieldLimit {
  operation: 'contacts.register' | 'contacts.finish' | 'callbacks.create' | 'zaken.start';
  /** The field in the operation's input (dots into lists and objects). */
  field: string;
  max: number;
  /** The zaaksysteem's field it becomes. */
  source: string;
  where: Stored;
  /** The property of `where` that holds it (a contactnaam is read back as "voornaam achternaam": `naam`). */
  property: string;
}

export const FIELD_LIMITS: readonly FieldLimit[] = [
  { operation: 'contacts.register', field: 'onderwerp', max: 200, source: 'Klantcontact.onderwerp (domain.md; klantinteracties maxLength 200)', where: 'klantcontact', property: 'onderwerp' },
  { operation: 'contacts.register', field: 'inhoud', max: 1000, source: 'Klantcontact.inhoud (domain.md; maxLength 1000)', where: 'klantcontact', property: 'inhoud' },
  { operation: 'contacts.finish', field: 'vragen.0.onderwerp', max: 200, source: 'Klantcontact.onderwerp: each vraag is its own klantcontact', where: 'klantcontact', property: 'onderwerp' },
  { operation: 'contacts.finish', field: 'vragen.0.inhoud', max: 1000, source: 'Klantcontact.inhoud', where: 'klantcontact', property: 'inhoud' },
  { operation: 'contacts.finish', field: 'bellerNaam', max: 200, source: 'Contactnaam.voornaam and .achternaam (maxLength 200 each) of an unknown caller', where: 'contactnaam', property: 'naam' },
  { operation: 'callbacks.create', field: 'onderwerp', max: 200, source: 'Klantcontact.onderwerp', where: 'klantcontact', property: 'onderwerp' },
  { operation: 'callbacks.create', field: 'inhoud', max: 1000, source: 'Klantcontact.inhoud', where: 'klantcontact', property: 'inhoud' },
  { operation: 'callbacks.create', field: 'vraag', max: 200, source: 'InterneTaak.gevraagdeHandeling (maxLength 200)', where: 'internetaak', property: 'gevraagdeHandeling' },
  { operation: 'callbacks.create', field: 'toelichting', max: 1000, source: 'InterneTaak.toelichting (domain.md; maxLength 1000)', where: 'internetaak', property: 'toelichting' },
  { operation: 'zaken.start', field: 'omschrijving', max: 80, source: 'Zaak.omschrijving (zaken maxLength 80)', where: 'zaak', property: 'omschrijving' },
];

/** Formats the zaaksysteem (or the phone) needs; each refused value must be refused at the door, at that field. */
export interface FieldFormat {
  operation: FieldLimit['operation'];
  field: string;
  accepted: readonly string[];
  refused: readonly string[];
  source: string;
}

/** An e-mail address of exactly 80 characters, DigitaalAdres.adres's maxLength. */
export const EMAIL_80 = `${'a'.repeat(80 - '@turfbrug.nl'.length)}@turfbrug.nl`;

export const FIELD_FORMATS: readonly FieldFormat[] = [
  {
    operation: 'callbacks.create',
    field: 'emailadressen.0',
    accepted: ['bert.burger@turfbrug.nl', EMAIL_80],
    refused: ['bert.burger', 'bert@', '@turfbrug.nl', 'bert burger@turfbrug.nl', `b${EMAIL_80}`],
    source: 'DigitaalAdres.adres (maxLength 80) of soortDigitaalAdres email',
  },
  {
    operation: 'callbacks.create',
    field: 'telefoonnummers.0',
    accepted: ['0612345678', '+31 6 1234 5678', '(0512) 14 05 12'],
    refused: ['bel me', '12', '0612345678<script>', '+31 6 1234 5678 9012 3456 7890'],
    source: 'DigitaalAdres.adres of soortDigitaalAdres telefoonnummer: a number the colleague can dial',
  },
  {
    operation: 'contacts.finish',
    field: 'bellerNummer',
    accepted: ['0612345678', '+31 6 1234 5678'],
    refused: ['onbekend', '12345', '06-1234-5678-0000-0000-00'],
    source: 'DigitaalAdres.adres (telefoonnummer) of an unknown caller',
  },
];
