/**
 * Runs the Turfbrug demo zaaksysteem: `npm run demo -- --db path --port 8000 [--size bench] [--seed n]`.
 */
import { parseArgs } from 'node:util';
import { DEMO_CREDENTIALS, DEMO_PATHS, startDemoServer } from './index';

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'demo-zaaksysteem.sqlite' }, port: { type: 'string', default: '8000' }, size: { type: 'string', default: 'demo' }, seed: { type: 'string' } },
});
const size = values.size === 'bench' ? 'bench' : 'demo';
const server = await startDemoServer({
  dbPath: values.db, port: Number(values.port), size, seed: values.seed ? Number(values.seed) : undefined,
  log: (line) => console.log(line),
});
console.log(`Turfbrug demo-zaaksysteem: ${server.url}`);
for (const [api, path] of Object.entries(DEMO_PATHS)) console.log(`  ${api.padEnd(17)} ${server.url}${path}${api === 'documenten' ? ' (nog niet beschikbaar)' : ''}`);
console.log(`  ZGW client_id     ${DEMO_CREDENTIALS.zgwClientId} (JWT HS256, secret: zie src/demo/README.md)`);
console.log(`  Klantinteracties  Authorization: Token ${DEMO_CREDENTIALS.klantinteractiesToken}`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
