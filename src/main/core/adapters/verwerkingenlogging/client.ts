/**
 * Client of a VNG Verwerkingenlogging API (Bewerking API: `POST /verwerkingsacties`), with the
 * ZGW JWT the other APIs use. One action per request, as the standard defines; the outbox kind
 * batches the requests and records each acknowledged `actieId` as a step.
 */
import { ApiClient } from '../zgw/http';
import type { Verwerkingsactie } from '../../privacy/chain';

export interface VerwerkingenloggingConnection {
  url: string;
  clientId: string;
  secret: string;
  timeoutMs?: number;
}

export class VerwerkingenloggingClient {
  private readonly api: ApiClient;

  constructor(connection: VerwerkingenloggingConnection) {
    this.api = new ApiClient(
      connection.url,
      { kind: 'zgw-jwt', clientId: connection.clientId, secret: connection.secret, userId: 'klantbeeld', userRepresentation: 'Klantbeeld verwerkingenlogging' },
      connection.timeoutMs ?? 10_000,
    );
  }

  /** The action as the standard names its fields; our chain fields (seq, prevHash) stay local. */
  async post(actie: Verwerkingsactie): Promise<void> {
    const { seq: _seq, prevHash: _prevHash, tijdstipRegistratie: _registratie, verwerkingsactiviteitUrl, uitvoerder, ...fields } = actie;
    await this.api.request(this.api.url('/verwerkingsacties'), {
      method: 'POST',
      body: {
        ...fields,
        ...(verwerkingsactiviteitUrl ? { verwerkingsactiviteitUrl } : {}),
        // The standard wants an OIN of 20 digits; rows carried over from before issue 7 have none.
        ...(/^\d{20}$/.test(uitvoerder) ? { uitvoerder } : {}),
      },
    });
  }
}
