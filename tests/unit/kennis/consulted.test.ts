import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactMetadata } from '../../../src/main/core/adapters/zgw/zaak-start';
import type { OutgoingContact } from '../../../src/main/core/adapters/types';
import { consultedPayload, linkConsulted } from '../../../src/main/core/kennis/consulted';
import type { KennisService } from '../../../src/main/core/kennis/service';
import type { Store } from '../../../src/main/core/store';
import { person } from '../../support/records';
import { tempDir } from '../../support/tmp';
import { openKennis } from './fixture';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let kennis: KennisService;

beforeAll(() => {
  dir = tempDir('kennis-consulted-');
  ({ store, service: kennis } = openKennis(dir.path));
});
afterAll(() => {
  store.close();
  dir.remove();
});

describe('articles consulted for a contact', () => {
  it('are stored with the contact and read back in its timeline item, with antwoord gevonden', () => {
    const customerId = store.customers.upsert(person(), '2026-11-28T10:00:00.000Z');
    const item = store.contacts.addLocal({
      customerId, kanaal: 'telefoon', onderwerp: 'Paspoort kwijt', inhoud: '', plaatsgevondenOp: '2026-11-28T10:01:00.000Z', medewerker: 'Bianca',
    });
    expect(store.contacts.get(item.id)).not.toHaveProperty('kennisartikelen');
    linkConsulted(store.db, item.id, ['reisdocument-kwijt-gestolen', 'paspoort-aanvragen', 'reisdocument-kwijt-gestolen'], true);
    expect(store.contacts.get(item.id)).toMatchObject({
      kennisartikelen: [
        { id: 'reisdocument-kwijt-gestolen', titel: 'Paspoort of ID-kaart kwijt of gestolen' },
        { id: 'paspoort-aanvragen', titel: 'Paspoort aanvragen' },
      ],
      antwoordGevonden: true,
    });
  });

  it('travel in the outbox payload only when there are any', () => {
    expect(consultedPayload(store.db, [], null)).toEqual({});
    expect(consultedPayload(store.db, ['paspoort-aanvragen'], false)).toEqual({
      kennisartikelen: [{ id: 'paspoort-aanvragen', titel: 'Paspoort aanvragen' }],
      antwoordGevonden: false,
    });
  });

  it('become klantcontact.metadata strings of at most 255 characters, whole ids only', () => {
    const base = { kanaal: 'telefoon' } as OutgoingContact;
    expect(contactMetadata({ ...base, kennisartikelen: [{ id: 'a', titel: 'A' }, { id: 'b', titel: 'B' }], antwoordGevonden: false })).toEqual({
      kennisartikelen: 'a,b',
      antwoordGevondenInKennisbank: 'nee',
    });
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `kennisartikel-met-een-lange-naam-${i}`, titel: '' }));
    const value = contactMetadata({ ...base, kennisartikelen: many }).kennisartikelen!;
    expect(value.length).toBeLessThanOrEqual(255);
    expect(value.split(',').every((id) => many.some((a) => a.id === id))).toBe(true);
  });

  it('feedback reaches the kennisredacteur list; news read marks are per user', () => {
    const f = kennis.feedback({ articleId: 'paspoort-aanvragen', soort: 'verouderd', toelichting: 'Tarief 2027 ontbreekt.' }, 'Bianca de Vries');
    expect(kennis.feedbackList()[0]).toEqual(f);
    expect(f).toMatchObject({ titel: 'Paspoort aanvragen', soort: 'verouderd' });
    expect(() => kennis.feedback({ articleId: 'bestaat-niet', soort: 'fout', toelichting: 'x' }, 'B')).toThrow(/niet \(meer\)/);
  });

  it('answers channels with the contact channel first', () => {
    expect(kennis.get('paspoort-aanvragen', 'balie').kanaalAntwoorden.map((k) => k.kanaal)).toEqual(['balie', 'telefoon', 'e-mail', 'chat']);
    expect(kennis.get('paspoort-aanvragen', 'social media').kanaalAntwoorden[0]!.kanaal).toBe('chat');
    expect(kennis.get('paspoort-aanvragen', 'brief').kanaalAntwoorden[0]!.kanaal).toBe('e-mail');
    expect(kennis.get('paspoort-aanvragen').kanaalAntwoorden[0]!.kanaal).toBe('telefoon');
  });
});

describe('contacts.register with consulted articles', () => {
  it('stores them, returns them and puts them in the outbox payload', async () => {
    const { ContactService } = await import('../../../src/main/core/services/contacts');
    const customerId = store.customers.upsert(person({ sourceUrl: 'https://ok.test/partijen/reg' }), '2026-11-28T10:00:00.000Z');
    const service = new ContactService(store, { kanalen: ['telefoon'], user: { id: 'b', naam: 'Bianca', email: 'b@t.nl' } }, () => {});
    const item = service.register({ customerId, kanaal: 'telefoon', onderwerp: 'Afvalpas', inhoud: '', geraadpleegdeArtikelen: ['afvalpas-milieupas'], antwoordGevonden: true });
    expect(item).toMatchObject({ kennisartikelen: [{ id: 'afvalpas-milieupas' }], antwoordGevonden: true });
    const payload = JSON.parse((store.db.prepare('SELECT payload FROM outbox WHERE entity_id = ?').get(item.id) as { payload: string }).payload) as Record<string, unknown>;
    expect(payload).toMatchObject({ kennisartikelen: [{ id: 'afvalpas-milieupas', titel: 'Afvalpas aanvragen of vervangen' }], antwoordGevonden: true });
    const plain = service.register({ customerId, kanaal: 'telefoon', onderwerp: 'Zonder', inhoud: '' });
    expect(plain).not.toHaveProperty('kennisartikelen');
  });
});
