import { RemoteError } from '../types';

/**
 * What each call of Klantbeeld needs in Open Zaak's Autorisaties (the scopes per viewset action in
 * open-zaak: src/openzaak/components/{zaken,catalogi,documenten}/api/viewsets*.py), so a 403 tells
 * the clerk and the beheerder which permission is missing instead of only "HTTP 403".
 * docs/zaaksysteem.md ("Scopes per feature") lists the same.
 */
const NEEDED = {
  zaak: { doel: 'deze zaak te lezen', scope: 'zaken.lezen', vertrouwelijkheid: true },
  // A list leaves out zaken of zaaktypen without autorisatie; only a client without the scope at all gets a 403.
  zaken: { doel: 'de zaken van deze klant te lezen', scope: 'zaken.lezen', vertrouwelijkheid: false },
  'zaak-aanmaken': { doel: 'de zaak aan te maken', scope: 'zaken.aanmaken', vertrouwelijkheid: true },
  // RolViewSet.create: zaken.bijwerken (or zaken.geforceerd-bijwerken); zaken.aanmaken is not enough.
  rol: { doel: 'de initiator (rol) vast te leggen', scope: 'zaken.bijwerken', vertrouwelijkheid: true },
  status: { doel: 'de eerste status te zetten', scope: 'zaken.aanmaken', vertrouwelijkheid: true },
  zaaktypen: { doel: 'de zaaktypen te lezen', scope: 'catalogi.lezen', vertrouwelijkheid: false },
  document: { doel: 'dit document te lezen', scope: 'documenten.lezen', vertrouwelijkheid: true },
} as const;
export type ZgwPermission = keyof typeof NEEDED;

/** The Dutch message for a 403 on `what`: which scope (and vertrouwelijkheid) the beheerder must grant. */
export function missingPermissionMessage(what: ZgwPermission): string {
  const need = NEEDED[what];
  const va = need.vertrouwelijkheid ? ' voor dit zaaktype, of een maximale vertrouwelijkheidaanduiding die hoog genoeg is' : '';
  return (
    `Het zaaksysteem weigert Klantbeeld ${need.doel} (HTTP 403): de applicatie van Klantbeeld mist de toestemming ` +
    `'${need.scope}'${va}. Vraag de beheerder dit toe te voegen in de Autorisaties van het zaaksysteem.`
  );
}

export const accessDenied = {
  /** Awaits `call`; a 403 becomes a permanent error that names the missing permission. */
  async rethrow<T>(call: Promise<T>, what: ZgwPermission): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof RemoteError && error.status === 403) throw new RemoteError(missingPermissionMessage(what), 'permanent', 403);
      throw error;
    }
  },
};
