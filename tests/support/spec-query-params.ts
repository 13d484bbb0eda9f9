/**
 * The query parameters each GET operation of the official specs (resources/specs) knows, per
 * API prefix and path template: the source of src/demo/server/known-query-params.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const SPEC_DIR = fileURLToPath(new URL('../../resources/specs/', import.meta.url));
/** The demo APIs that answer with vng problem bodies, as the real servers (BRP has its own). */
export const STRICT_SPECS = ['zaken', 'catalogi', 'documenten', 'klantinteracties'] as const;

interface Parameter { name?: string; in?: string; $ref?: string }
interface Spec { servers: { url: string }[]; paths: Record<string, Record<string, { parameters?: Parameter[] } | Parameter[]>>; components: { parameters?: Record<string, Parameter> } }

export function specQueryParams(): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const api of STRICT_SPECS) {
    const spec = parse(readFileSync(`${SPEC_DIR}${api}-openapi.yaml`, 'utf8')) as Spec;
    const resolve = (p: Parameter): Parameter => (p.$ref ? (spec.components.parameters?.[p.$ref.split('/').at(-1) ?? ''] ?? {}) : p);
    const paths: Record<string, string[]> = {};
    for (const [path, item] of Object.entries(spec.paths)) {
      const get = item.get as { parameters?: Parameter[] } | undefined;
      if (!get) continue;
      const shared = (Array.isArray(item.parameters) ? item.parameters : []) as Parameter[];
      const names = [...shared, ...(get.parameters ?? [])].map(resolve).filter((p) => p.in === 'query' && p.name).map((p) => p.name!);
      paths[path] = [...new Set(names)].sort();
    }
    out[spec.servers[0]!.url] = paths;
  }
  return out;
}
