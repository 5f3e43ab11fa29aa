// The small family of errors Stepwise raises. They are thrown anywhere and turned into a
// message and an exit code in one place: src/cli.ts.

export const EXIT = {
  ok: 0,
  stepFailed: 1,
  usage: 2,
  refused: 3,
  cancelled: 130,
} as const;

/** Something the operator can fix: bad flags, bad config, unreachable database. Exit 2. */
export class UserError extends Error {
  readonly exitCode: number = EXIT.usage;
  constructor(
    message: string,
    /** what to do next, one line each */
    readonly nextSteps: string[] = [],
  ) {
    super(message);
  }
}

/** Stepwise will not touch this database as it is: drift, ahead, lock held, no terminal. Exit 3. */
export class RefusedError extends UserError {
  override readonly exitCode: number = EXIT.refused;
}

/** A step failed and was rolled back; the report was already printed. Exit 1. */
export class StepFailedError extends Error {
  readonly exitCode: number = EXIT.stepFailed;
}

/** The operator quit or pressed Ctrl-C. Exit 130. */
export class CancelledError extends Error {
  readonly exitCode: number = EXIT.cancelled;
  constructor(message = 'Cancelled by the operator.') {
    super(message);
  }
}
