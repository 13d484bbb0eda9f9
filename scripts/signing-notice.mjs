#!/usr/bin/env node
/**
 * Before `electron-builder`: warns, in one line, when the Windows installers will be unsigned.
 * Signing is configured by environment only (docs/release.md): CSC_LINK + CSC_KEY_PASSWORD, or
 * WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD. Linux packages are not signed; the pipeline publishes
 * SHA256SUMS beside them. Never fails: an unsigned test build is allowed, just not unnoticed.
 */
const env = process.env;
const annotate = (line) => console.warn(env.GITHUB_ACTIONS ? `::warning::${line}` : `WAARSCHUWING: ${line}`);

if (process.platform === 'win32') {
  const link = env.WIN_CSC_LINK || env.CSC_LINK;
  const password = env.WIN_CSC_KEY_PASSWORD || env.CSC_KEY_PASSWORD;
  if (!link) annotate('geen certificaat (WIN_CSC_LINK of CSC_LINK): de MSI en de NSIS-installer worden NIET ondertekend.');
  else if (!password) annotate('wel een certificaat maar geen wachtwoord (WIN_CSC_KEY_PASSWORD of CSC_KEY_PASSWORD): ondertekenen zal mislukken.');
} else if (process.platform === 'linux') {
  console.log('Linux-pakketten (AppImage, deb) worden niet ondertekend; controleer ze met SHA256SUMS.');
}
