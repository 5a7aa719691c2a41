/**
 * Holds the newest value made at a site until the next one replaces it.
 *
 * Why: V8 keeps a function's optimised code, and the object shapes its inline caches name, only
 * while something still references them. A parser or signature matcher is built afresh for each
 * file, with new closures each time; once a file's closures were garbage, the next full GC let
 * V8 drop their code, and a batch worker that analyses thousands of bundles recompiled the same
 * hot functions every few bundles (about 350 TurboFan compilations per 120 bundles after
 * warm-up, against 1 with the newest closures held; `--trace-opt`). Holding the newest instance
 * costs that file's parser state until the next file of the same kind is parsed.
 */
const latest = new Map<string, unknown>();

export function keepLatest<T>(site: string, value: T): T {
  latest.set(site, value);
  return value;
}
