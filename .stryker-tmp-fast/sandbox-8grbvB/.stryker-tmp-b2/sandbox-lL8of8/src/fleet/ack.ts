/**
 * Triage decisions beside the store (`<output>/acknowledgements.json`): a fingerprint is
 * acknowledged (known, still listed, not counted as new) or muted (moved out of the way),
 * each with a note. The fleet report honours it; jetdiag never writes it.
 */
// @ts-nocheck

// 

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../errors.js';

export const ACK_FILE = 'acknowledgements.json';

export interface Acknowledgement {
  state: 'acknowledged' | 'muted';
  note?: string;
  by?: string;
  at?: string;
}

export type Acknowledgements = Map<string, Acknowledgement>;

export function loadAcknowledgements(dir: string, file = path.join(dir, ACK_FILE)): Acknowledgements {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new UserInputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserInputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserInputError(`${file}: expected an object of fingerprint -> { "state": "acknowledged" | "muted", "note": "..." }`);
  }
  const out: Acknowledgements = new Map();
  for (const [fp, v] of Object.entries(data as Record<string, unknown>)) {
    const a = v as Partial<Acknowledgement> | null;
    if (!a || typeof a !== 'object' || (a.state !== 'acknowledged' && a.state !== 'muted')) {
      throw new UserInputError(`${file}: "${fp}": expected "state": "acknowledged" or "muted"`);
    }
    for (const k of ['note', 'by', 'at'] as const) {
      if (a[k] !== undefined && typeof a[k] !== 'string') throw new UserInputError(`${file}: "${fp}".${k}: expected a string`);
    }
    out.set(fp, { state: a.state, ...(a.note ? { note: a.note } : {}), ...(a.by ? { by: a.by } : {}), ...(a.at ? { at: a.at } : {}) });
  }
  return out;
}
