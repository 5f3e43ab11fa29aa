#!/usr/bin/env node
// Arguments → a command. The one place that maps errors to messages and exit codes.
import { Command, InvalidArgumentError, CommanderError } from 'commander';
import { getToolVersion } from './catalog/project-root.js';
import { CancelledError, EXIT, StepFailedError, UserError } from './errors.js';
import { scrubSecrets } from './db/url.js';
import { jsonPrinted } from './commands/common.js';

const integer = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} takes a whole number, got "${value}"`);
  return n;
};

function withCommon(cmd: Command, json = true): Command {
  cmd.option('--database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL, else the embedded PGlite in ./.stepwise/pgdata)');
  cmd.option('--root <dir>', 'the backend whose drizzle/ and upgrade-guides/ to use (default: $STEPWISE_ROOT, else this package)');
  cmd.option('--debug', 'show stack traces');
  if (json) cmd.option('--json', 'print one JSON document on stdout');
  return cmd;
}

function upgradeOptions(cmd: Command): Command {
  return withCommon(cmd)
    .option('--to <version>', 'stop at this release')
    .option('--dry-run', 'show the plan, every statement and estimated rows; write nothing')
    .option('--rehearse', 'run the whole plan in one transaction and roll it back')
    .option('-y, --yes', 'apply without asking (needed without a terminal)')
    .option('--lock-timeout <ms>', 'lock_timeout for each migration statement', integer('--lock-timeout'), 5000)
    .option('--lock-retries <n>', 'retries when a lock is not granted in time', integer('--lock-retries'), 3)
    .option('--batch-size <n>', 'rows per batch for batched data steps', integer('--batch-size'))
    .option('--backup <file>', 'back up the database to <file> before the first step (pg_dump, or the embedded database\'s own dump)');
}

// `stepwise status | head`: a reader that went away is no reason to crash with a stack trace, nor
// to stop an upgrade halfway; the command finishes and what it would have printed is dropped
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

let exitCode: number = EXIT.ok;
const debug = process.argv.includes('--debug');
// the CLI is a minified bundle: its stack traces point into src/ only through the source maps
if (debug) process.setSourceMapsEnabled(true);
const jsonMode = process.argv.includes('--json');
const run = (load: () => Promise<(o: never) => Promise<number>>) => async (options: object) => {
  const command = await load();
  exitCode = await command(options as never);
};

const program = new Command('stepwise')
  .description('Upgrade wizard for the commerce backend: schema migrations and data steps, step by step.')
  .version(getToolVersion())
  .showHelpAfterError()
  .exitOverride();

upgradeOptions(program.command('upgrade', { isDefault: true }).description('detect, plan and apply the upgrade (the wizard in a terminal)'))
  .action(run(async () => (await import('./commands/upgrade.js')).upgradeCommand));

withCommon(program.command('status').description('which version the database is at and what is pending'))
  .action(run(async () => (await import('./commands/status.js')).statusCommand));

const migrations = program.command('migrations').description('schema migrations alone (as `medusa migrations`)');
withCommon(migrations.command('run').description('apply pending migrations without prompts; data steps are left to `upgrade`'))
  .option('--lock-timeout <ms>', 'lock_timeout for each statement', integer('--lock-timeout'), 5000)
  .option('--lock-retries <n>', 'retries when a lock is not granted in time', integer('--lock-retries'), 3)
  .action(run(async () => (await import('./commands/migrations.js')).migrationsRunCommand));
withCommon(migrations.command('show').description('each migration: applied or pending, when, by whom'))
  .action(run(async () => (await import('./commands/migrations.js')).migrationsShowCommand));

withCommon(program.command('seed').description('insert a Medusa-format seed file (schema brought up to date first)'))
  .option('--file <path>', 'the seed file', 'seed/seed.json')
  .option('-y, --yes', 'bring the schema up to date without asking')
  .action(run(async () => (await import('./commands/seed.js')).seedCommand));

withCommon(program.command('backup').argument('<file>', 'where to write it (never overwritten)').description('back up the database: pg_dump for a server, its own dump for the embedded one'))
  .action((file: string, options: object) => run(async () => (await import('./commands/backup.js')).backupCommand)({ ...options, file }));
withCommon(program.command('restore').argument('<file>', 'a backup from `stepwise backup` or `upgrade --backup`').description('replace the database\'s contents with a backup'))
  .option('-y, --yes', 'restore without asking (needed without a terminal)')
  .option('--lock-timeout <ms>', 'how long to wait for the tables\' locks', integer('--lock-timeout'), 5000)
  .action((file: string, options: object) => run(async () => (await import('./commands/restore.js')).restoreCommand)({ ...options, file }));

program
  .command('check')
  .description('validate the catalog: journal, SQL files, guides, data steps, package version')
  .option('--root <dir>', 'the backend to check (default: $STEPWISE_ROOT, else this package)')
  .option('--json', 'print one JSON document on stdout')
  .action(run(async () => (await import('./commands/check.js')).checkCommand));

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // help and version print themselves and exit 0; usage errors were printed by commander
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const url = process.env.DATABASE_URL;
  const say = (text: string) => process.stderr.write(`${scrubSecrets(text, url)}\n`);
  if (error instanceof UserError) {
    say(`stepwise: ${error.message}`);
    for (const step of error.nextSteps) say(`  ${step}`);
  } else if (error instanceof CancelledError) {
    say(`stepwise: ${error.message}`);
  } else if (!(error instanceof StepFailedError)) {
    say(`stepwise: unexpected error (please report it): ${(error as Error)?.message ?? String(error)}`);
  }
  if (debug && error instanceof Error && error.stack) say(error.stack);
  const code = (error as { exitCode?: number }).exitCode ?? EXIT.stepFailed;
  if (jsonMode && !process.stdout.writableEnded && error instanceof UserError && !jsonPrinted()) {
    process.stdout.write(`${JSON.stringify({ error: { message: scrubSecrets(error.message, url), nextSteps: error.nextSteps, exitCode: code } }, null, 2)}\n`);
  }
  return code;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  exitCode = report(error);
}
process.exitCode = exitCode;
