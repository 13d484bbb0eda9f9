import { z } from 'zod';
import { isElfproef } from '../seed/bsn';
import { validationError, type InvalidParam } from './http';

/** Parses a request body with zod and turns issues into DRF/vng-style invalidParams. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw validationError([{ name: 'nonFieldErrors', code: 'invalid', reason: 'Ongeldige gegevens. Verwachtte een dictionary, maar kreeg een ' + (Array.isArray(body) ? 'list' : typeof body) + '.' }]);
  }
  const r = schema.safeParse(body, { reportInput: true });
  if (r.success) return r.data;
  throw validationError(r.error.issues.map(issueToParam));
}

function issueToParam(issue: z.core.$ZodIssue): InvalidParam {
  const name = issue.path.length ? issue.path.map(String).join('.') : 'nonFieldErrors';
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { name, code: 'required', reason: 'Dit veld is vereist.' };
      if (input === null) return { name, code: 'null', reason: 'Dit veld mag niet leeg zijn.' };
      return { name, code: 'invalid', reason: `Ongeldige invoer: verwacht ${issue.expected}.` };
    case 'too_big':
      return issue.origin === 'string'
        ? { name, code: 'max_length', reason: `Zorg ervoor dat dit veld niet meer dan ${String(issue.maximum)} karakters bevat.` }
        : { name, code: 'max_value', reason: `Zorg ervoor dat deze waarde kleiner of gelijk is aan ${String(issue.maximum)}.` };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { name, code: 'blank', reason: 'Dit veld mag niet leeg zijn.' }
        : { name, code: issue.origin === 'string' ? 'min_length' : 'min_value', reason: `Zorg ervoor dat dit veld minimaal ${String(issue.minimum)} karakters bevat.` };
    case 'invalid_value':
      return { name, code: 'invalid_choice', reason: `"${String(input)}" is een ongeldige keuze.` };
    case 'invalid_format':
      return { name, code: 'invalid', reason: issue.message };
    case 'custom': {
      const params = (issue.params ?? {}) as { code?: string };
      return { name, code: params.code ?? 'invalid', reason: issue.message };
    }
    default:
      return { name, code: 'invalid', reason: issue.message };
  }
}

// ---- reusable field schemas ----

export const str = (max: number) => z.string().max(max);
export const reqStr = (max: number) => z.string().min(1).max(max);
export const fkRef = z.object({ uuid: z.string().uuid({ message: 'Voer een geldige UUID in.' }) });
export const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Datum heeft het verkeerde formaat. Gebruik een van deze formaten: YYYY-MM-DD.' });
export const dateTimeStr = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v)), {
  message: 'Datetime heeft het verkeerde formaat. Gebruik een van deze formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
  params: { code: 'invalid' },
});
export const urlStr = (max = 1000) => z.string().max(max).url({ message: 'Voer een geldige URL in.' });
export const bsn = z.string().refine(isElfproef, { message: 'Onjuist BSN-nummer: moet 9 cijfers bevatten en voldoen aan de 11-proef.', params: { code: 'invalid' } });
export const rsin = z.string().refine(isElfproef, { message: 'Onjuist RSIN-nummer: moet 9 cijfers bevatten en voldoen aan de 11-proef.', params: { code: 'invalid' } });

export const adresSchema = z.object({
  nummeraanduidingId: z.string().regex(/^[0-9]{16}$/).or(z.literal('')).optional(),
  straatnaam: str(255).optional(), huisnummer: z.number().int().nullable().optional(), huisnummertoevoeging: str(20).optional(),
  postcode: z.string().regex(/^[1-9][0-9]{3} [A-Z]{2}$/, { message: 'Postcode moet het formaat 1234 AB hebben.' }).or(z.literal('')).optional(),
  stad: str(255).optional(), adresregel1: str(80).optional(), adresregel2: str(80).optional(), adresregel3: str(80).optional(),
  land: z.string().length(2).or(z.literal('')).optional(),
});

export const contactnaamSchema = z.object({ voorletters: str(10).optional(), voornaam: str(200).optional(), voorvoegselAchternaam: str(10).optional(), achternaam: str(200).optional() });

export function toIsoUtc(v: string): string {
  return new Date(v).toISOString().replace(/\.000Z$/, 'Z');
}
