import { z } from 'zod';

/** The roles of domain.md. Least privilege: the core checks them on every call. */
export const ROLES = ['balie', 'kcc', 'teamleider', 'kennisredacteur', 'beheerder'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Everyone who works with customers: counter, KCC and their team leaders. */
export const FRONT_OFFICE: readonly Role[] = ['balie', 'kcc', 'teamleider'];
export const EVERYONE: readonly Role[] = ROLES;
