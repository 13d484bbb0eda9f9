/**
 * The embedded demo zaaksysteem's Objects API: its objecttype uuids and token. Duplicated on
 * purpose (the demo imports nothing from the app and the core loads the demo only when
 * configured); tests/unit/kennis/demo-defaults.test.ts keeps both sides equal.
 */
export const DEMO_KENNIS_OBJECTTYPES = {
  kennisartikel: '5b1c6a9e-0b8e-4c55-9a57-6f3c1d2e4a01',
  vac: '5b1c6a9e-0b8e-4c55-9a57-6f3c1d2e4a02',
  nieuwsbericht: '5b1c6a9e-0b8e-4c55-9a57-6f3c1d2e4a03',
} as const;

export const DEMO_KENNIS_TOKEN = 'turfbrug-demo-objects-token';
