/**
 * The verwerkingsactie of a question to the BRP (issue 12): a person looked up while helping a
 * customer. Doelbinding: the verwerkingsactiviteit "Klantcontact afhandelen" (its doel in
 * verwerkingsactiviteiten.ts); gegevensbron: the BRP itself, not Klantbeeld's cache.
 */
import type { VerwerkingSpec } from '../../../shared/contract/define';

export const BRP_BEVRAGING: VerwerkingSpec = {
  actie: 'Persoon gezocht in de BRP',
  handeling: 'Raadplegen',
  activiteit: 'klantcontact',
  vertrouwelijkheid: 'normaal',
  bewaartermijn: 'P10Y',
  gegevensbron: 'BRP (Haal Centraal BRP API Personen)',
  objecten: [],
};
