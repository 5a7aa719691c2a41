/**
 * What a bundle source is: something that recognises an input (a path, `-`, later a URL)
 * and hands every file it holds to the intake session. A new source is one module here
 * plus one line in ./index.ts.
 */
// @ts-nocheck

// 

import type { Stats } from 'node:fs';
import type { IntakeSession, SourceKind } from '../session.js';
import type { ContainerFormat } from '../sniff.js';

export interface SourceProbe {
  /** The bundle argument as given. */
  input: string;
  /** For a local path: its stat and first 512 bytes with the format they show. */
  stat?: Stats;
  head?: Buffer;
  format?: ContainerFormat;
}

export interface BundleSource {
  name: string;
  accepts(probe: SourceProbe): boolean;
  /** Reads every file into the session; returns what kind of bundle it was. */
  read(probe: SourceProbe, session: IntakeSession): Promise<SourceKind>;
}
