/** Exit codes and terminal conventions shared by every command. */
// @ts-nocheck

// 

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** analyze --fail-inconclusive: nothing found, but the bundle was damaged, cut or missing a core input. */
export const EXIT_INCONCLUSIVE = 3;

export function useColour(flag: boolean | undefined): boolean {
  if (flag === false || process.env.NO_COLOR !== undefined) return false;
  return Boolean(process.stdout.isTTY);
}

/** The program-wide options (--quiet, --no-color) as a command sees them. */
export interface GlobalFlags {
  quiet?: boolean;
  color?: boolean;
}

/** One line to stderr in jetdiag's prefix style (stdout may carry a report). */
export function note(message: string): void {
  process.stderr.write(`jetdiag: ${message}\n`);
}

/** `jetdiag analyze -` typed at a terminal would otherwise look hung. */
export function sayWhenWaitingForStdin(bundle: string): void {
  if (bundle === '-' && process.stdin.isTTY) {
    note('reading the bundle from stdin (a tar stream or a log); end it with Ctrl-D, or pass a path instead of -');
  }
}
