// Start-up: the CLI's cold start (--version, --help) next to a bare `node -e 0`, and the
// wizard's first frame in a pseudo-terminal next to node printing one byte through the same one.
import { spawn } from 'node:child_process';
import { REPO } from '../lib/drizzle.mjs';
import { figure, goals } from '../lib/figures.mjs';
import { log, timeProcess } from '../lib/measure.mjs';
import { createDatabase, dropDatabase } from '../lib/postgres.mjs';
import { CLI, stepwiseEnv } from '../lib/stepwise.mjs';

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;?]*[ -\/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[()][A-Z0-9]/g, '');

/**
 * Spawns `command` in an 80×24 pseudo-terminal (util-linux `script`) and returns the ms from spawn
 * to the first visible character and to the first output matching `until`; then types `quit`.
 */
export function inTerminal(command, { env, until = null, quit = 'q', timeoutMs = 20_000 }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${command}`, '/dev/null'], { env, cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    const marks = { firstFrameMs: null, readyMs: null };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${marks.firstFrameMs === null ? 'output' : `"${until}"`} within ${timeoutMs} ms from: ${command}\n${stripAnsi(screen).slice(-500)}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      const now = performance.now() - started;
      screen += chunk;
      const visible = stripAnsi(screen);
      if (marks.firstFrameMs === null && visible.trim() !== '') marks.firstFrameMs = now;
      if (marks.readyMs === null && (until === null ? marks.firstFrameMs !== null : until.test(visible))) {
        marks.readyMs = now;
        if (quit) child.stdin.write(quit);
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (marks.readyMs === null) reject(new Error(`"${command}" ended before showing ${until}:\n${stripAnsi(screen).slice(-800)}`));
      else resolve(marks);
    });
  });
}

const nodeTimes = async (runs, args) => {
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await timeProcess(process.execPath, args, { cwd: REPO })).ms);
  return times;
};

export async function startupSuite({ runs }) {
  const n = Math.max(runs * 2, 10);
  const bare = await nodeTimes(n, ['-e', '0']);
  const version = await nodeTimes(n, [CLI, '--version']);
  const help = await nodeTimes(n, [CLI, '--help']);
  log(`startup: node -e 0 ${bare.map(Math.round).join(', ')}; --version ${version.map(Math.round).join(', ')}; --help ${help.map(Math.round).join(', ')}`);

  // the wizard on an empty server database (a first install: the longest plan to prepare)
  const db = await createDatabase();
  const first = [];
  const plan = [];
  const floor = [];
  try {
    const env = { ...stepwiseEnv(db), TERM: 'xterm-256color' };
    delete env.NO_COLOR;
    for (let i = 0; i < runs; i++) {
      const wizard = await inTerminal(`${process.execPath} ${CLI}`, { env, until: /Versions|Nothing to do|first install/i });
      first.push(wizard.firstFrameMs);
      plan.push(wizard.readyMs);
      floor.push((await inTerminal(`${process.execPath} -e "process.stdout.write('x')"`, { env, quit: null })).firstFrameMs);
    }
  } finally {
    await dropDatabase(db.name);
  }
  log(`startup: first frame ${first.map(Math.round).join(', ')}; plan on screen ${plan.map(Math.round).join(', ')}; node's first byte ${floor.map(Math.round).join(', ')}`);
  const nodeFloor = { label: 'node -e 0', runs: bare };
  const ptyFloor = { label: 'node writes 1 byte (same pty)', runs: floor };
  return [
    figure({ id: 'startup.version', figure: 'cold start: --version', backend: '—', stepwise: { label: 'stepwise --version', runs: version }, reference: nodeFloor }),
    figure({ id: 'startup.help', figure: 'cold start: --help', backend: '—', stepwise: { label: 'stepwise --help', runs: help }, reference: nodeFloor }),
    figure({ id: 'startup.firstFrame', figure: 'wizard: first frame', backend: 'postgres', stepwise: { label: 'stepwise (pty)', runs: first }, reference: ptyFloor, goal: goals.below(500, 'ms') }),
    figure({ id: 'startup.planOnScreen', figure: 'wizard: plan on screen (empty db)', backend: 'postgres', stepwise: { label: 'stepwise (pty)', runs: plan }, reference: ptyFloor }),
  ];
}
