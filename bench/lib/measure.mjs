// Timing primitives: run a child process and time it, repeat, take medians.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs `command args` to completion and returns its wall time from spawn to exit (ms), its
 * output and exit code. A non-zero exit throws unless `allowFailure`, with the output attached.
 */
export function timeProcess(command, args, { env, cwd, input, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: env ?? process.env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0 && !allowFailure) {
        const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${tail}`));
      } else resolve({ ms, code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

/** Runs a worker script that prints one JSON object as its last stdout line; returns it. */
export async function runWorker(script, args, options = {}) {
  const { stdout, ms } = await timeProcess(process.execPath, [script, ...args], options);
  const last = stdout.trim().split('\n').pop();
  return { ...JSON.parse(last), processMs: ms };
}

/** A figure measured `runs` times: each run calls `once(i)` which returns a number (or an object with `value`). */
export async function repeat(runs, once) {
  const values = [];
  for (let i = 0; i < runs; i++) values.push(await once(i));
  return values;
}

export const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/**
 * This process's peak resident memory in MB. On Linux, VmHWM of /proc/self/status: the peak of
 * this process's own address space. process.resourceUsage().maxRSS would do elsewhere, but on
 * Linux it survives exec and so starts at the spawning process's size at fork time (a worker
 * spawned by a 200 MB bench reports at least 200 MB).
 */
export function peakRssMB() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}
