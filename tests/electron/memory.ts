/**
 * Resident memory of a running Electron app by process type (main, utility, renderer), from
 * /proc: Linux only (null elsewhere). Chromium marks each child with `--type=…` on its command line.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface ProcessMemory {
  main: number;
  utility: number;
  renderer: number;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export function processMemory(mainPid: number): ProcessMemory | null {
  if (!existsSync('/proc/self/status')) return null;
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const descends = (pid: number): boolean => {
    for (let here = parentOf.get(pid); here !== undefined && here > 1; here = parentOf.get(here)) if (here === mainPid) return true;
    return false;
  };
  const memory: ProcessMemory = { main: rssMb(mainPid), utility: 0, renderer: 0 };
  for (const pid of parentOf.keys()) {
    if (!descends(pid)) continue;
    try {
      const type = /--type=(\w+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
      if (type === 'utility' || type === 'renderer') memory[type] += rssMb(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return { main: Math.round(memory.main), utility: Math.round(memory.utility), renderer: Math.round(memory.renderer) };
}
