/**
 * The Content-Security-Policy of the renderer, in one place. The Electron main process and the
 * browser host send it as a header; src/renderer/index.html carries the same policy in a <meta> tag (file:// responses
 * have no headers), and a unit test keeps the two in step.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Vue's scoped styles and transitions set inline styles; scripts stay strict.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Directives a browser honours only in a header; a <meta> policy leaves them out. */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'] as const;

/** In `electron-vite dev` the page and its hot-reload socket come from the vite dev server. */
export function contentSecurityPolicy(devServerOrigin: string | null): string {
  if (!devServerOrigin) return CONTENT_SECURITY_POLICY;
  const socket = devServerOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${devServerOrigin}`).replace(
    "connect-src 'self'",
    `connect-src 'self' ${devServerOrigin} ${socket}`,
  );
}

/** Directive name → sources, for comparing policies regardless of spacing and order. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
