/** The kennisbank articles consulted per open contact: add once, ja by default, what finish sends, kept across a reload, pruned. */
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const memory = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
});
const { useConsultedStore } = await import('../../../src/renderer/src/stores/consulted');

const A = { id: 'paspoort-aanvragen', titel: 'Paspoort aanvragen' };
const B = { id: 'reisdocument-kwijt-gestolen', titel: 'Paspoort of ID-kaart kwijt of gestolen' };

describe('consulted articles store', () => {
  beforeEach(() => {
    memory.clear();
    setActivePinia(createPinia());
  });

  it('adds an article once per contact and says antwoord gevonden: ja', () => {
    const s = useConsultedStore();
    expect(s.add('c1', A)).toBe(true);
    expect(s.add('c1', A)).toBe(false);
    s.add('c1', B);
    expect(s.list('c1').map((a) => a.id)).toEqual([A.id, B.id]);
    expect(s.list('c2')).toEqual([]);
    expect(s.forFinish('c1')).toEqual({ geraadpleegdeArtikelen: [A.id, B.id], antwoordGevonden: true });
    s.setAntwoordGevonden('c1', false);
    s.remove('c1', A.id);
    expect(s.forFinish('c1')).toEqual({ geraadpleegdeArtikelen: [B.id], antwoordGevonden: false });
    expect(s.forFinish('c2')).toEqual({ geraadpleegdeArtikelen: [], antwoordGevonden: null });
  });

  it('keeps the list across a reload of the window and forgets closed contacts', async () => {
    useConsultedStore().add('c1', A);
    useConsultedStore().add('c2', B);
    await nextTick();
    setActivePinia(createPinia());
    const again = useConsultedStore();
    expect(again.list('c1')).toEqual([A]);
    again.prune(['c2']);
    expect(again.list('c1')).toEqual([]);
    expect(again.list('c2')).toEqual([B]);
    again.clear('c2');
    await nextTick();
    expect(JSON.parse(memory.get('klantbeeld.kennis.consulted')!)).toEqual({ byContact: {}, found: {} });
  });
});
