import { ErrorCode, type ErrorBody } from '../../../shared/contract/errors';

/**
 * Reads a failed call. Over HTTP the client throws a KlantbeeldError; across Electron's
 * contextBridge an error may arrive as a plain clone, so this checks the shape, not the class.
 */
function asErrorBody(error: unknown): ErrorBody | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, issues } = error as { code?: unknown; message?: unknown; issues?: unknown };
  if (!ErrorCode.safeParse(code).success || typeof message !== 'string') return null;
  return { code: code as ErrorCode, message, issues: Array.isArray(issues) ? (issues as ErrorBody['issues']) : undefined };
}

/** A Dutch message for the clerk, whatever was thrown. Core errors already carry one. */
export function messageOf(error: unknown, fallback: string): string {
  return asErrorBody(error)?.message || fallback;
}

export function codeOf(error: unknown): ErrorCode | null {
  return asErrorBody(error)?.code ?? null;
}

/** Per-item messages under one field of a failed call: `antwoorden.adres` → `{ adres: … }`. */
export function nestedIssues(error: unknown, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of asErrorBody(error)?.issues ?? []) {
    if (typeof issue?.path !== 'string' || typeof issue.message !== 'string' || !issue.path.startsWith(`${field}.`)) continue;
    const key = issue.path.slice(field.length + 1);
    out[key] = out[key] ? `${out[key]} ${issue.message}` : issue.message;
  }
  return out;
}

/** Per-field messages of a failed call (`issues[].path` is the input field name). */
export function fieldIssues(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of asErrorBody(error)?.issues ?? []) {
    if (typeof issue?.path !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.path.split('.')[0] ?? '';
    out[field] = out[field] ? `${out[field]} ${issue.message}` : issue.message;
  }
  return out;
}
