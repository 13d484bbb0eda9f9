#!/usr/bin/env node
/**
 * The mutation check: deliberate breaks of the product, each of which one named test file must
 * catch. For each break it copies the working tree (tracked and new files, not node_modules) to
 * a temporary folder, changes one small anchored piece of code there, runs the test file that
 * must notice, and fails when that file still passes, or fails without the expected test failing.
 * The working tree is never touched. An anchor that is no longer in the code fails the check
 * loudly: whoever refactored it updates the break here. See docs/testing.md.
 *
 *   npm run mutation                    every break
 *   npm run mutation -- role-widened    only the breaks named
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Each break: where (file, an exact anchor that must occur once, its replacement), the test
 * files to run, and the failed test that proves the right check caught it (name, and optionally
 * its message).
 */
const BREAKS = [
  {
    name: 'role-widened',
    what: 'kcc and balie may call callbacks.reassign (team leaders only, by the domain)',
    file: 'src/shared/contract/areas/callbacks.ts',
    find: "    roles: ['teamleider'],\n    verwerking: VERWERKING.terugbelToegewezen,",
    replace: "    roles: ['teamleider', 'kcc', 'balie'],\n    verwerking: VERWERKING.terugbelToegewezen,",
    tests: ['tests/integration/security/role-matrix.test.ts'],
    caughtBy: /(kcc|balie) is refused callbacks\.reassign/,
  },
  {
    name: 'beheerder-reveals-bsn',
    what: 'a beheerder may reveal a customer’s BSN',
    file: 'src/shared/contract/areas/customers.ts',
    find: "    output: z.object({ bsn: z.string().nullable() }),\n    roles: FRONT_OFFICE,",
    replace: "    output: z.object({ bsn: z.string().nullable() }),\n    roles: [...FRONT_OFFICE, 'beheerder'],",
    tests: ['tests/integration/security/role-matrix.test.ts'],
    caughtBy: /beheerder is refused customers\.revealBsn/,
  },
  {
    name: 'limit-raised',
    what: 'a vraag’s onderwerp may be 2,000,000 characters (Open Klant 2: 200)',
    file: 'src/shared/contract/areas/contacts.ts',
    find: 'export const FinishVraag = z\n  .object({\n    onderwerp: clerkText(200)',
    replace: 'export const FinishVraag = z\n  .object({\n    onderwerp: clerkText(2_000_000)',
    tests: ['tests/integration/security/field-limits.test.ts'],
    caughtBy: /contacts\.finish vragen\.0\.onderwerp/,
  },
  {
    name: 'lookup-removed',
    what: 'the klantcontact idempotency look-up never finds what an earlier attempt created',
    file: 'src/main/core/adapters/zgw/contact-writes.ts',
    find: '(kc.metadata as Record<string, string> | undefined)?.klantbeeldKey === contact.idempotencyKey,',
    replace: 'false && (kc.metadata as Record<string, string> | undefined)?.klantbeeldKey === contact.idempotencyKey,',
    tests: ['tests/integration/sync/faults.test.ts'],
    caughtBy: /looks the object up after a lost response/,
  },
  {
    name: 'bsn-logged',
    what: 'the log helper stops masking BSNs, so a server that echoes one puts it in the log',
    file: 'src/main/core/log-line.ts',
    find: '  const masked = maskBsnsIn(text);\n',
    replace: '  const masked = text;\n',
    // The scan reads what the host processes of this run logged: failure-logs makes a real host log
    // failures with Bert's BSN in play (a server echoing it, a refused sign-in), on the built app.
    build: true,
    tests: ['tests/e2e/failure-logs.test.ts', 'tests/scan/bsn-scan.test.ts'],
    caughtBy: /no BSN leaves the app through logs/,
    // Findings, not "no logs to scan".
    message: /to deeply equal \[\]/,
  },
];

function run(command, args, cwd, logFile) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(logFile, `${result.stdout ?? ''}\n${result.stderr ?? ''}`, { flag: 'a' });
  return result.status ?? 1;
}

/** The working tree as it is (tracked and untracked, ignored files left out), with node_modules linked. */
function copyWorkingTree() {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const copy = mkdtempSync(join(tmpdir(), 'klantbeeld-mutation-'));
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(ROOT, file);
    try {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(from, join(copy, file));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // deleted but not yet committed
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Which tests failed, with their messages, from vitest's JSON report. */
function failedTests(reportFile) {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    return report.testResults.flatMap((file) =>
      file.assertionResults.filter((test) => test.status === 'failed').map((test) => ({ name: test.fullName, message: (test.failureMessages ?? []).join('\n') })),
    );
  } catch {
    return [];
  }
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BREAKS.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`Unknown break(s): ${unknown.join(', ')}. Known: ${BREAKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const breaks = wanted.length > 0 ? BREAKS.filter((b) => wanted.includes(b.name)) : BREAKS;
const copy = copyWorkingTree();
const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
const results = [];
let built = false;
try {
  for (const brk of breaks) {
    const started = Date.now();
    const target = join(copy, brk.file);
    const original = readFileSync(target, 'utf8');
    const occurrences = original.split(brk.find).length - 1;
    if (occurrences !== 1) {
      results.push({ brk, ok: false, why: `anchor found ${occurrences} times in ${brk.file} (expected once): update this break in scripts/mutation-check.mjs` });
      continue;
    }
    writeFileSync(target, original.replace(brk.find, () => brk.replace));
    const logFile = join(copy, `mutation-${brk.name}.log`);
    try {
      if (brk.build) {
        if (run('npm', ['run', 'build'], copy, logFile) !== 0) {
          results.push({ brk, ok: false, why: `the build with this break failed (see ${logFile})` });
          continue;
        }
        built = true;
      } else if (built) {
        // A later break that needs no build must not run against an earlier break's build.
        rmSync(join(copy, 'out'), { recursive: true, force: true });
        built = false;
      }
      const report = join(copy, `mutation-${brk.name}.json`);
      const status = run(process.execPath, [vitest, 'run', ...brk.tests, '--reporter=json', `--outputFile=${report}`], copy, logFile);
      const failed = failedTests(report);
      const proof = failed.find((test) => brk.caughtBy.test(test.name) && (!brk.message || brk.message.test(test.message)));
      const seconds = Math.round((Date.now() - started) / 1000);
      if (status === 0) results.push({ brk, ok: false, why: `${brk.tests.join(' + ')} still passes (${seconds} s)` });
      else if (!proof) results.push({ brk, ok: false, why: `failed, but not the expected check ${brk.caughtBy}: ${failed.map((t) => t.name).join('; ') || 'no test failed (see ' + logFile + ')'}` });
      else results.push({ brk, ok: true, why: `caught by "${proof.name}" (${seconds} s)` });
    } finally {
      writeFileSync(target, original);
    }
  }
} finally {
  if (results.every((r) => r.ok)) rmSync(copy, { recursive: true, force: true });
  else console.log(`The copy with the logs is kept: ${copy}`);
}

for (const { brk, ok, why } of results) console.log(`${ok ? 'caught ' : 'MISSED '} ${brk.name}: ${brk.what}\n         ${why}`);
const missed = results.filter((r) => !r.ok).length;
console.log(missed === 0 ? `Mutation check: all ${results.length} breaks caught.` : `Mutation check: ${missed} of ${results.length} breaks not caught.`);
process.exit(missed === 0 ? 0 : 1);
