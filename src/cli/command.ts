/** One `dossier` subcommand. `run` returns the exit code; errors thrown become one line on stderr. */
export interface Command {
  name: string;
  /** One line for `dossier --help`. */
  summary: string;
  /** Full text for `dossier <name> --help`. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** A usage mistake: printed as one line on stderr with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
