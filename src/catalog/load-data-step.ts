// Loads a data step's TypeScript file at run time (jiti), so a backend author adds a step
// without a build, and checks its default export has the DataStep shape.
import type { DataStep } from '../core/data-step.js';
import type { DataStepRef } from '../core/catalog.js';
import { UserError } from '../errors.js';
import { formatZodIssues } from './zod-issues.js';

// zod is loaded with the first data step, not with the command: the wizard's first frame waits
// for every module the upgrade command imports
async function dataStepShape() {
  const { z } = await import('zod');
  const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');
  return z.object({
    title: z.string().min(1),
    description: z.string().optional(),
    estimate: fn,
    run: fn,
    preflight: fn.optional(),
  });
}

let jiti: import('jiti').Jiti | undefined;
// one load per file content per process (the preview and the run both need the module);
// keyed by checksum so an edited file is never served stale
const loaded = new Map<string, Promise<DataStep>>();

export function loadDataStep(ref: DataStepRef): Promise<DataStep> {
  const key = `${ref.file}@${ref.checksum}`;
  let module = loaded.get(key);
  if (!module || !ref.checksum) {
    module = importDataStep(ref);
    loaded.set(key, module);
    module.catch(() => loaded.delete(key));
  }
  return module;
}

async function importDataStep(ref: DataStepRef): Promise<DataStep> {
  const { createJiti } = await import('jiti');
  // jiti's transform cache is keyed by content; its module cache is not, so it stays off
  jiti ??= createJiti(import.meta.url, { interopDefault: true, moduleCache: false });
  let exported: unknown;
  try {
    exported = await jiti.import(ref.file, { default: true });
  } catch (error) {
    throw new UserError(`Data step upgrade-guides/${ref.id} cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = (await dataStepShape()).safeParse(exported);
  if (!parsed.success) {
    throw new UserError(
      `Data step upgrade-guides/${ref.id} must default-export a DataStep { title, estimate, run }: ${formatZodIssues(parsed.error).join('; ')}`,
    );
  }
  return exported as DataStep;
}
