import { RemoteError, type OutgoingContact, type OutgoingZaak, type StepLog, type ZaaksysteemAdapter, type ZaaktypeSummary } from '../../src/main/core/adapters/types';
import type { ContactRecord, CustomerRecord, Dossier } from '../../src/main/core/store/records';

/**
 * A scripted zaaksysteem for unit tests of the engine: records pushes, fails on request.
 * Integration tests use the real demo zaaksysteem over HTTP instead.
 */
export class ScriptedAdapter implements ZaaksysteemAdapter {
  readonly label = 'scripted';
  customers: CustomerRecord[] = [];
  dossiers = new Map<string, Dossier>();
  pushed: { contact: OutgoingContact; steps: string[] }[] = [];
  /** Errors thrown by the next pushes, in order, at the given step. */
  failures: { step: string; error: RemoteError }[] = [];
  fetches = 0;
  zaken: { zaak: OutgoingZaak; steps: string[] }[] = [];
  zaaktypen: ZaaktypeSummary[] = [{ url: 'http://zs.test/zaaktypen/1', identificatie: 'PARKEER', omschrijving: 'Parkeervergunning' }];

  async listCustomers(onPage: (records: CustomerRecord[], total: number | null) => void | Promise<void>): Promise<void> {
    await onPage(this.customers, this.customers.length);
  }

  async fetchDossier(customer: { sourceUrl: string }) {
    this.fetches += 1;
    return { ...(this.dossiers.get(customer.sourceUrl) ?? { contacts: [], zaken: [] }), complete: true };
  }

  async pushContact(contact: OutgoingContact, log: StepLog): Promise<{ sourceUrl: string; record: ContactRecord }> {
    const steps: string[] = [];
    for (const step of ['klantcontact', 'betrokkene', 'actorklantcontact']) {
      if (log.done[step]) continue;
      const failure = this.failures[0];
      if (failure && failure.step === step) {
        this.failures.shift();
        throw failure.error;
      }
      log.record(step, { uuid: `${step}-${contact.idempotencyKey}`, url: `http://zs.test/${step}/${contact.idempotencyKey}` });
      steps.push(step);
    }
    this.pushed.push({ contact, steps });
    const sourceUrl = `http://zs.test/klantcontact/${contact.idempotencyKey}`;
    return {
      sourceUrl,
      record: { sourceUrl, kanaal: contact.kanaal, onderwerp: contact.onderwerp, inhoud: contact.inhoud, plaatsgevondenOp: contact.plaatsgevondenOp, gespreksresultaat: null, afdeling: null, medewerker: contact.medewerker.naam, zaakIdentificaties: [] },
    };
  }

  async pushZaak(zaak: OutgoingZaak, log: StepLog) {
    const steps: string[] = [];
    for (const step of ['zaak', 'rol', 'status']) {
      if (log.done[step]) continue;
      const failure = this.failures[0];
      if (failure && failure.step === step) {
        this.failures.shift();
        throw failure.error;
      }
      log.record(step, { uuid: `${step}-${zaak.idempotencyKey}`, url: `http://zs.test/${step}/${zaak.idempotencyKey}` });
      steps.push(step);
    }
    this.zaken.push({ zaak, steps });
    return { sourceUrl: `http://zs.test/zaak/${zaak.idempotencyKey}`, identificatie: 'ZAAK-2026-0000001', status: 'Ontvangen' };
  }

  async listZaaktypen(): Promise<ZaaktypeSummary[]> {
    return this.zaaktypen;
  }
}
