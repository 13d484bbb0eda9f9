import { z } from 'zod';
import { EVERYONE } from '../../roles';
import { event, operation } from '../define';
import { SyncStatus, UserInfo } from '../schemas';

export const appOperations = {
  'app.info': operation({
    summary: 'Who is signed in, which zaaksysteem is configured, and what the app offers.',
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      user: UserInfo,
      /** Kind and display label of the configured zaaksysteem; never URLs with secrets or credentials. */
      dataSource: z.object({ kind: z.enum(['demo', 'zgw']), label: z.string() }),
      kanalen: z.array(z.string()),
      /** The kanaal a new contact starts with, for this user on this workstation (config kanaal.standaard). */
      standaardKanaal: z.string().optional(),
      /** Outcomes of a contact (codes as stored in klantcontact.metadata) and the afdelingen it can be for. */
      gespreksresultaten: z.array(z.string()).default([]),
      afdelingen: z.array(z.string()).default([]),
      /** Where a terugbelverzoek can go (afdeling or groep, by code). */
      terugbelTeams: z.array(z.object({ soort: z.enum(['afdeling', 'groep']), code: z.string(), naam: z.string() })).default([]),
    }),
    roles: EVERYONE,
  }),
  'sync.status': operation({
    summary: 'Connection to the zaaksysteem and the outbox: what is waiting, what failed.',
    input: z.object({}).strict(),
    output: SyncStatus,
    roles: EVERYONE,
  }),
} as const;

export const appEvents = {
  'sync.status': event({
    summary: 'The sync status changed.',
    payload: SyncStatus,
  }),
} as const;
