import { randomUUID } from 'node:crypto';
import type { ContactItem } from '../../../shared/contract';
import type { KlantbeeldConfig } from '../config/schema';
import type { Handlers } from '../dispatcher';
import { ServiceError } from '../errors';
import type { Store } from '../store';
import type { KlantcontactPayload } from '../sync/kinds/klantcontact';

export interface RegisterContact {
  customerId: string;
  kanaal: string;
  onderwerp: string;
  inhoud: string;
}

export class ContactService {
  constructor(
    private readonly store: Store,
    private readonly config: Pick<KlantbeeldConfig, 'kanalen' | 'user'>,
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
      const item = this.store.contacts.addLocal({ ...input, plaatsgevondenOp, medewerker: user.naam });
      const payload: KlantcontactPayload = {
        contactId: item.id,
        customerId: input.customerId,
        kanaal: input.kanaal,
        onderwerp: input.onderwerp,
        inhoud: input.inhoud,
        plaatsgevondenOp,
        medewerker: { id: user.id, naam: user.naam, email: user.email },
      };
      this.store.outbox.add({ idempotencyKey: randomUUID(), kind: 'klantcontact', entityId: item.id, payload }, plaatsgevondenOp);
      return item;
    });
    this.kick();
    return contact;
  }
}

export function contactHandlers(service: ContactService): Pick<Handlers, 'contacts.register'> {
  return {
    'contacts.register': (input) => service.register(input),
  };
}
