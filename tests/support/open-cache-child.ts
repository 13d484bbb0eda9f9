/**
 * Child process entry for tests that kill Klantbeeld while it opens its cache:
 * `node --import tsx open-cache-child.ts <file> <key hex>` opens (and so encrypts) the store.
 */
import { openDatabase } from '../../src/main/core/store/database';

const [file, keyHex] = process.argv.slice(2);
if (!file || !keyHex) throw new Error('usage: open-cache-child.ts <file> <key hex>');
openDatabase(file, { key: Buffer.from(keyHex, 'hex') }).close();
process.stdout.write('opened\n');
