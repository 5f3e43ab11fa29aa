// The results: a table on stdout and a JSON document (bench/results/latest.json).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const formatValue = (value, unit) => {
  if (value === null || value === undefined) return '—';
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
  if (unit === 'MB') return `${Math.round(value)} MB`;
  return `${Math.round(value)} ${unit}`;
};

const formatRatio = (row) => (row.ratio === null ? '—' : `${row.ratio.toFixed(2)}${row.ratioKind === 'time' ? '×' : ''}`);

export function renderTable(rows) {
  const header = ['figure', 'db', 'Stepwise', 'reference', 'ref. median', 'ratio', 'goal', 'met'];
  const body = rows.map((row) => [
    row.figure,
    row.backend,
    formatValue(row.stepwise.median, row.unit),
    row.reference?.label ?? '—',
    formatValue(row.reference?.median, row.unit),
    formatRatio(row),
    row.goal ?? '—',
    row.met === null ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

function sh(command) {
  try {
    return execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function machine(extra = {}) {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    distro: sh(`sed -n 's/^PRETTY_NAME="\\(.*\\)"/\\1/p' /etc/os-release`),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    ...extra,
  };
}

export function writeResults(file, document) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}

export const gitCommit = (cwd) => sh(`git -C ${cwd} rev-parse --short HEAD`);
