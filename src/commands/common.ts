// What every command needs: where the catalog is, which database, how to print.
import { catalogRoot, getToolVersion } from '../catalog/project-root.js';
import { resolveDatabaseTarget, type DatabaseTarget } from '../db/url.js';

export interface CommonOptions {
  databaseUrl?: string;
  root?: string;
  json?: boolean;
  debug?: boolean;
}

export interface CommandContext {
  root: string;
  target: DatabaseTarget;
  toolVersion: string;
  json: boolean;
  /** results: stdout */
  out(line: string): void;
  /** progress and diagnostics: stderr */
  err(line: string): void;
}

export function commandContext(o: CommonOptions): CommandContext {
  return {
    root: catalogRoot(o.root),
    target: resolveDatabaseTarget(o.databaseUrl ?? process.env.DATABASE_URL),
    toolVersion: getToolVersion(),
    json: Boolean(o.json),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

let printed = false;
/** true once a command printed its JSON document (an error after it adds none) */
export const jsonPrinted = () => printed;

export function printJson(value: unknown): void {
  printed = true;
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The command that continues an upgrade, for "how to continue" lines. */
export function continueCommand(): string {
  return 'stepwise upgrade';
}
