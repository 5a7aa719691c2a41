/**
 * Errors that mean "the user's input is wrong", not "jetdiag is broken": the CLI prints the
 * message alone (and the hint under it) and exits 2. Kept in a module of its own so the CLI
 * can recognise them without loading the parsers and rules at start-up.
 */
// @ts-nocheck

export class UserInputError extends Error {
  /** What to do about it, in one line, e.g. "check the path" or "see jetdiag rules". */
  hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    if (hint) this.hint = hint;
  }
}

/** errno codes people meet at a command line, in plain words (the code is jargon). */
const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error from the device',
  ENXIO: 'no such device',
  EBUSY: 'the device or file is busy',
};

/** "no such file or directory" for an ENOENT error; the message itself for anything else. */
export function plainReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code && FS_REASONS[err.code]) return FS_REASONS[err.code]!;
  return err?.message ?? String(e);
}

/** The errno code of a file-system error, when it has one. */
export function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}
