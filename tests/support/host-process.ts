/**
 * The built browser host (out/main/host.js) as a child process with its own data dir, pointed
 * at a given zaaksysteem through KLANTBEELD_* variables. For tests that kill the core for real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HOST_SECRET_HEADER } from '../../src/shared/contract/transport';
import { captureProcessLog } from './process-log';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const HOST_ENTRY = join(REPO_ROOT, 'out/main/host.js');

export interface HostProcess {
  url: string;
  secret: string;
  child: ChildProcess;
  call<T = unknown>(operation: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The host runs with the fixed development user (`KLANTBEELD_AUTH=vast`, KLANTBEELD_USER_* as
 * given) unless `env` says otherwise: these tests are about the data path, not sign-in.
 */
export async function startHostProcess(dataDir: string, env: Record<string, string>): Promise<HostProcess> {
  if (!existsSync(HOST_ENTRY)) throw new Error(`${HOST_ENTRY} is missing: build first (npm test does).`);
  const child = spawn(process.execPath, [HOST_ENTRY, '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KLANTBEELD_AUTH: 'vast', ...env },
  });
  captureProcessLog(child, 'host');
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => void (stderr += chunk));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`host did not start in time\n${stderr}`)), 30_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const found = /^Klantbeeld: (http:\/\/\S+)$/m.exec(out)?.[1];
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`host exited early (code ${code}, signal ${signal})\n${stderr}`));
    });
  });
  const html = await (await fetch(url)).text();
  const secret = /name="klantbeeld-secret" content="([^"]+)"/.exec(html)?.[1];
  if (!secret) throw new Error('no secret in index.html');
  return {
    url,
    secret,
    child,
    async call(operation, input) {
      const response = await fetch(`${url}api/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HOST_SECRET_HEADER]: secret },
        body: JSON.stringify(input),
      });
      return (await response.json()) as never;
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill(signal);
      await exited;
    },
  };
}
