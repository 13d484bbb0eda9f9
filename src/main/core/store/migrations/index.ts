/**
 * One migration per schema version, applied in order, each in one transaction with
 * `user_version`. Add a file `NNN-name.ts` exporting `sql` and list it here; never edit a
 * shipped migration.
 */
import * as v1 from './001-initial';
import * as v2 from './002-kennisbank';
import * as v3 from './003-identify';
import * as v4 from './004-contacts';
import * as v5 from './005-outbox-review';
import * as v6 from './006-callbacks';
import * as v7 from './007-callback-lifecycle';
import * as v8 from './008-reporting-contacts';
import * as v9 from './009-verwerkingenlogging';
import * as v10 from './010-draft-owner';
import * as v11 from './011-callback-meldingen';
import * as v12 from './012-door';
import * as v13 from './013-local-index-set';

export const migrations: readonly { version: number; sql: string }[] = [
  { version: 1, sql: v1.sql }, { version: 2, sql: v2.sql },
  { version: 3, sql: v3.sql },
  { version: 4, sql: v4.sql },
  { version: 5, sql: v5.sql },
  { version: 6, sql: v6.sql },
  { version: 7, sql: v7.sql },
  { version: 8, sql: v8.sql },
  { version: 9, sql: v9.sql },
  { version: 10, sql: v10.sql },
  { version: 11, sql: v11.sql },
  { version: 12, sql: v12.sql },
  { version: 13, sql: v13.sql },
];

export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;
