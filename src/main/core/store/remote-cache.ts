import type { Db } from './database';

/** Rarely changing remote objects (catalogus types, actors) by URL, with their ETag. */
export class RemoteCache {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { body: string; etag: string | null; fetched_at: string }>(
      'SELECT body, etag, fetched_at FROM remote_cache WHERE url = ?',
    );
    this.putStmt = db.prepare(
      `INSERT INTO remote_cache (url, kind, body, etag, fetched_at) VALUES (@url, @kind, @body, @etag, @fetchedAt)
       ON CONFLICT (url) DO UPDATE SET body = excluded.body, etag = excluded.etag, fetched_at = excluded.fetched_at`,
    );
  }

  get(url: string): { body: unknown; etag: string | null; fetchedAt: string } | undefined {
    const row = this.getStmt.get(url);
    return row ? { body: JSON.parse(row.body) as unknown, etag: row.etag, fetchedAt: row.fetched_at } : undefined;
  }

  put(url: string, kind: string, body: unknown, etag: string | null, fetchedAt: string): void {
    this.putStmt.run({ url, kind, body: JSON.stringify(body), etag, fetchedAt });
  }
}
