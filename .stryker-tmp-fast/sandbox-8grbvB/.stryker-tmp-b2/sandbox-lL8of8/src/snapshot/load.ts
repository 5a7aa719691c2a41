/** Bundle -> snapshot: read (streaming into the parsers), assemble, build. No rules here. */
// @ts-nocheck

// 

import { assembleBundle } from '../bundle/assemble.js';
import { DEFAULT_LIMITS, type IntakeLimits } from '../bundle/limits.js';
import { readBundle, type ReadResult } from '../bundle/read.js';
import { describeBundle, findBundles } from '../bundle/bundles.js';
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
  const read = await readBundle(input, limits, streamer);
  refuseSeveralBundles(input, read);
  const assembled = assembleBundle(input, read);
  return buildSnapshot(assembled, parser, limits.maxLineLength);
}

/** Thrown when the input holds several bundles (exit 2): they are never merged into one device. */
export class SeveralBundlesError extends UserInputError {}

function refuseSeveralBundles(input: string, read: ReadResult): void {
  const bundles = findBundles(read.entries);
  if (bundles.length < 2) return;
  const shown = bundles.slice(0, 20).map((b) => `  - ${describeBundle(b)}`);
  if (bundles.length > 20) shown.push(`  - and ${bundles.length - 20} more`);
  throw new SeveralBundlesError(
    [
      `"${input}" holds ${bundles.length} bundles, not one; analyze reads one device at a time (merged, they would describe a device that does not exist):`,
      ...shown,
      `Analyse each one on its own (jetdiag analyze <one of them>), or all of them with: jetdiag batch ${input}`,
    ].join('\n'),
  );
}
