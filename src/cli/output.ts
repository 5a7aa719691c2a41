/** Exit codes and terminal conventions shared by every command. */
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
