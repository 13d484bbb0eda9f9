import { randomUUID } from 'node:crypto';
import type { ContactItem } from '../../../shared/contract';
import type { KlantbeeldConfig } from '../config/schema';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import { consultedPayload, linkConsulted } from '../kennis/consulted';
import type { Store } from '../store';
import type { KlantcontactPayload } from '../sync/kinds/klantcontact';

export interface RegisterContact {
  customerId: string;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
  /** Kennisbank articles consulted and "antwoord gevonden" (issue 4). */
  geraadpleegdeArtikelen?: string[];
  antwoordGevonden?: boolean | null;
}

export interface FinishVraag {
  onderwerp: string;
  inhoud: string;
  gespreksresultaat: string;
  afdeling: string;
  zaakIds: string[];
}

export interface FinishContact {
  draftId: string;
  customerId: string | null;
  kanaal: string;
  bellerNaam: string;
  bellerNummer: string;
  startedAt: string;
  vragen: FinishVraag[];
  /** Kennisbank articles consulted and "antwoord gevonden" (issue 4). */
  geraadpleegdeArtikelen?: string[];
  antwoordGevonden?: boolean | null;
}

export class ContactService {
  constructor(
    private readonly store: Store,
    private readonly config: Pick<KlantbeeldConfig, 'kanalen'> &
      Partial<Pick<KlantbeeldConfig, 'gespreksresultaten' | 'afdelingen'>> & { user: Pick<KlantbeeldConfig['user'], 'id' | 'naam' | 'email'> },
    private readonly kick: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The contact and its outbox entry in one transaction: shown at once, sent when possible. */
  register(input: RegisterContact): ContactItem {
    if (!this.config.kanalen.includes(input.kanaal)) {
      throw new ServiceError('invalid_input', 'Onbekend kanaal.', [
        { path: 'kanaal', message: `Kies een van: ${this.config.kanalen.join(', ')}.` },
      ]);
    }
    if (!this.store.customers.get(input.customerId)) {
      throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    }
    const { user } = this.config;
    const plaatsgevondenOp = this.now().toISOString();
    const contact = this.store.transaction(() => {
      const { geraadpleegdeArtikelen = [], antwoordGevonden = null, ...fields } = input;
      const item = this.store.contacts.addLocal({ ...fields, plaatsgevondenOp, medewerker: user.naam });
      linkConsulted(this.store.db, item.id, geraadpleegdeArtikelen, antwoordGevonden);
      const payload: KlantcontactPayload = {
        contactId: item.id,
        customerId: input.customerId,
        kanaal: input.kanaal,
        onderwerp: input.onderwerp,
        inhoud: input.inhoud,
        plaatsgevondenOp,
        medewerker: { id: user.id, naam: user.naam, email: user.email },
        ...consultedPayload(this.store.db, geraadpleegdeArtikelen, antwoordGevonden),
      };
      this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'klantcontact', entityId: item.id, payload }, plaatsgevondenOp);
      return this.store.contacts.get(item.id) ?? item;
    });
    this.kick();
    return contact;
  }

  /**
   * Finishes an open contact: each vraag becomes its own klantcontact. All local rows, all
   * outbox entries and the removal of the draft commit together or not at all. An unknown
   * caller (customerId null) gets no local timeline row; the klantcontact carries the name
   * and number.
   */
  finish(input: FinishContact): ContactItem[] {
    const issues: { path: string; message: string }[] = [];
    if (!this.config.kanalen.includes(input.kanaal)) {
      issues.push({ path: 'kanaal', message: `Kies een van: ${this.config.kanalen.join(', ')}.` });
    }
    const resultaten = this.config.gespreksresultaten;
    const afdelingen = this.config.afdelingen;
    input.vragen.forEach((vraag, i) => {
      if (resultaten && !resultaten.includes(vraag.gespreksresultaat)) {
        issues.push({ path: `vragen.${i}.gespreksresultaat`, message: 'Kies een gespreksresultaat uit de lijst.' });
      }
      if (afdelingen && vraag.afdeling && !afdelingen.includes(vraag.afdeling)) {
        issues.push({ path: `vragen.${i}.afdeling`, message: 'Kies een afdeling uit de lijst.' });
      }
    });
    if (issues.length > 0) throw new ServiceError('invalid_input', 'Controleer de gemarkeerde velden.', issues);
    if (input.customerId !== null && !this.store.customers.get(input.customerId)) {
      throw new ServiceError('not_found', 'Deze klant staat niet (meer) in Klantbeeld.');
    }
    const customerId = input.customerId;
    const { user } = this.config;
    const now = this.now().toISOString();
    const beller =
      customerId === null && (input.bellerNaam || input.bellerNummer) ? { naam: input.bellerNaam, nummer: input.bellerNummer } : undefined;
    const items = this.store.transaction(() => {
      const out: ContactItem[] = [];
      input.vragen.forEach((vraag, i) => {
        // Several vragen of one contact keep their order in the timeline (newest first).
        const plaatsgevondenOp = new Date(Date.parse(input.startedAt) + i).toISOString();
        const zaakIds = customerId === null ? [] : vraag.zaakIds.filter((id) => this.store.startedZaken.ref(id)?.customerId === customerId);
        let contactId: string = randomUUID();
        if (customerId !== null) {
          const identificaties = zaakIds.map((id) => this.store.startedZaken.ref(id)?.identificatie ?? '').filter((v) => v.length > 0);
          const item = this.store.contacts.addLocal({
            customerId,
            kanaal: input.kanaal,
            onderwerp: vraag.onderwerp,
            inhoud: vraag.inhoud,
            plaatsgevondenOp,
            medewerker: user.naam,
          });
          this.store.contacts.setDetails(item.id, vraag.gespreksresultaat, vraag.afdeling || null, identificaties);
          linkConsulted(this.store.db, item.id, input.geraadpleegdeArtikelen ?? [], input.antwoordGevonden ?? null);
          contactId = item.id;
          out.push(this.store.contacts.get(item.id) as ContactItem);
        }
        const payload: KlantcontactPayload = {
          contactId,
          customerId,
          kanaal: input.kanaal,
          onderwerp: vraag.onderwerp,
          inhoud: vraag.inhoud,
          plaatsgevondenOp,
          medewerker: { id: user.id, naam: user.naam, email: user.email },
          gespreksresultaat: vraag.gespreksresultaat,
          ...(vraag.afdeling ? { afdeling: vraag.afdeling } : {}),
          ...(zaakIds.length > 0 ? { zaakIds } : {}),
          ...(beller ? { beller } : {}),
          ...consultedPayload(this.store.db, input.geraadpleegdeArtikelen ?? [], input.antwoordGevonden ?? null),
        };
        this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'klantcontact', entityId: contactId, payload }, now);
      });
      this.store.drafts.delete(input.draftId, this.config.user.id);
      return out;
    });
    this.kick();
    return items;
  }
}

export function contactHandlers(service: ContactService): Pick<Handlers, 'contacts.register' | 'contacts.finish'> {
  return {
    'contacts.register': (input) => service.register(input),
    'contacts.finish': (input) => ({ contacts: service.finish(input) }),
  };
}
