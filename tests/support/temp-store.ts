import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Store } from '../../src/main/core/store';
import { tempDir } from './tmp';

/**
 * A store on a fresh SQLite file (`kb.sqlite` in a fresh folder) for each test of the file:
 * opened before each test and handed to `opened` with its folder, closed and removed after.
 */
export function storePerTest(opened: (store: Store, dir: string) => void): void {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(() => {
    dir = tempDir();
    store = Store.open(join(dir.path, 'kb.sqlite'));
    opened(store, dir.path);
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });
}
