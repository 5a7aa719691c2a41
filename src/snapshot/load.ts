/** Bundle -> snapshot: read (streaming into the parsers), assemble, build. No rules here. */
import { assembleBundle } from '../bundle/assemble.js';
import { DEFAULT_LIMITS, type IntakeLimits } from '../bundle/limits.js';
import { isArchiveName, readBundle, type ListedFile } from '../bundle/read.js';
import { describeBundle, findBundles, type BundleFile } from '../bundle/bundles.js';
import { classifyByName } from '../bundle/classify.js';
import { UserInputError } from '../errors.js';
import type { ParserOptions } from '../parsers/options.js';
import { buildSnapshot, DEFAULT_PARSER_OPTIONS } from './build.js';
import { ParsingStreamer } from './intake.js';
import type { Snapshot } from './types.js';

export interface LoadOptions {
  limits?: Partial<IntakeLimits>;
  parser?: Partial<ParserOptions>;
}

export async function loadSnapshot(input: string, options: LoadOptions = {}): Promise<Snapshot> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const parser = { ...DEFAULT_PARSER_OPTIONS, ...options.parser };
  const streamer = new ParsingStreamer({ ...parser, maxLineLength: limits.maxLineLength }, limits.bufferFileBytes);
  // A folder or zip of several bundles is refused from its file list, before anything is
  // parsed; a tar must be read to be listed, so it is refused after reading.
  const read = await readBundle(input, limits, streamer, (files) => refuseListedBundles(input, files));
  refuseSeveralBundles(input, read.entries);
  const assembled = assembleBundle(input, read);
  return buildSnapshot(assembled, parser, limits.maxLineLength);
}

/** Thrown when the input holds several bundles (exit 2): they are never merged into one device. */
export class SeveralBundlesError extends UserInputError {}

/** Host name and manifest files are read this far for the labels in the refusal. */
const LABEL_BYTES = 64 * 1024;

async function refuseListedBundles(input: string, files: ListedFile[]): Promise<void> {
  // Paths alone decide (archives inside are not opened: what they hold can only add bundles).
  if (findBundles(files.map((f) => ({ path: f.path }))).length < 2) return;
  const labelled: BundleFile[] = [];
  for (const f of files) {
    const kind = classifyByName(f.path)?.kind;
    let data: Buffer | undefined;
    if (kind === 'hostname' || kind === 'manifest') data = await f.read(LABEL_BYTES).catch(() => undefined);
    labelled.push({ path: f.path, ...(data ? { data } : {}) });
  }
  const archives = files.filter((f) => isArchiveName(f.path)).length;
  refuseSeveralBundles(input, labelled, archives);
}

/** `unopened`: archives beside the bundles whose content was not looked at (listing only). */
function refuseSeveralBundles(input: string, entries: BundleFile[], unopened = 0): void {
  const bundles = findBundles(entries);
  if (bundles.length < 2) return;
  const shown = bundles.slice(0, 20).map((b) => `  - ${describeBundle(b)}`);
  if (bundles.length > 20) shown.push(`  - and ${bundles.length - 20} more`);
  throw new SeveralBundlesError(
    [
      `"${input}" holds ${bundles.length} bundles, not one; analyze reads one device at a time (merged, they would describe a device that does not exist):`,
      ...shown,
      ...(unopened ? [`  (not counting what the ${unopened} archive(s) beside them hold: refused before they were opened)`] : []),
      `Analyse each one on its own (jetdiag analyze <one of them>), or all of them with: jetdiag batch ${input}`,
    ].join('\n'),
  );
}
