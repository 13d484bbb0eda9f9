import type { OutgoingPartij, StepLog } from '../types';
import type { ZgwApi } from './api';

/**
 * A partij for a person Open Klant does not know yet (issue 12), with the BSN as its
 * identificator. Looked up by BSN before every POST: a response lost after the commit, or a
 * colleague who registered the same person meanwhile, never makes a twin.
 */
export class PartijWrites {
  constructor(private readonly api: ZgwApi) {}

  async pushPartij(partij: OutgoingPartij, log: StepLog): Promise<{ sourceUrl: string }> {
    const ki = this.api.klantinteracties;
    const identificator = { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: partij.bsn, codeRegister: 'brp' };
    const params = new URLSearchParams({ partijIdentificator__codeSoortObjectId: 'bsn', partijIdentificator__objectId: partij.bsn });
    // Checked here too: a server that ignores the filter would return another person.
    const findByBsn = () =>
      this.api.findOne(`/partijen?${params}`, (p) =>
        ((p.partijIdentificatoren ?? []) as { partijIdentificator?: { codeSoortObjectId?: string; objectId?: string } }[]).some(
          (i) => i.partijIdentificator?.codeSoortObjectId === 'bsn' && i.partijIdentificator.objectId === partij.bsn,
        ),
      );
    const created = await this.api.step(log, 'partij', async () => {
      const found = await findByBsn();
      if (found) return found;
      return ki.request(ki.url('/partijen'), {
        method: 'POST',
        body: {
          soortPartij: 'persoon',
          indicatieActief: true,
          indicatieGeheimhouding: partij.geheimhouding,
          partijIdentificatie: {
            contactnaam: {
              ...(partij.voornamen ? { voornaam: partij.voornamen.slice(0, 200) } : {}),
              ...(partij.voorvoegsel ? { voorvoegselAchternaam: partij.voorvoegsel.slice(0, 10) } : {}),
              achternaam: partij.geslachtsnaam.slice(0, 200),
            },
          },
          partijIdentificatoren: [{ partijIdentificator: identificator }],
        },
      });
    });
    return { sourceUrl: created.url };
  }
}
