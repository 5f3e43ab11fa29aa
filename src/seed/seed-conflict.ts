// The file is valid but clashes with what the database holds (a SKU another product already
// uses). Found before anything of the products is written; the seed's transaction rolls back.
import { UserError } from '../errors.js';
import type { SeedProblem } from './seed-problems.js';
import { formatProblem } from './seed-problems.js';

export class SeedConflictError extends UserError {
  override readonly name = 'SeedConflictError';

  constructor(readonly problems: SeedProblem[]) {
    const count = problems.length === 1 ? '1 entry' : `${problems.length} entries`;
    super(
      [
        `The seed file clashes with the database in ${count}; nothing was written:`,
        ...problems.map((problem) => `  ${formatProblem(problem)}`),
      ].join('\n'),
      ['Change those values in the seed file, or remove the rows that hold them from the database.'],
    );
  }
}
