/** Every finding has a stable id (rule / message / subject) that causes cite. */
// @ts-nocheck

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { findingId, findingSubject } from '../../src/rules/finding-id.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');

describe('finding ids', () => {
  it('are rule id / message id / subject', () => {
    expect(findingId('oom-kills', 'killed', findingSubject({ tags: ['oom', 'process:python3'] }))).toBe('oom-kills/killed/python3');
    expect(findingId('zone-watermarks', 'belowMin', findingSubject({ data: { zone: 'Normal' } }))).toBe('zone-watermarks/belowMin/Normal');
    expect(findingId('memory-leak', 'leak', findingSubject({}))).toBe('memory-leak/leak');
    expect(findingSubject({ subject: 'cam 0', tags: ['process:x'] })).toBe('cam 0');
  });

  it.each(readdirSync(SAMPLES).filter((f) => f.endsWith('.tgz')))('%s: unique, the same on every run, and every cause cites findings that exist', async (name) => {
    const a = await analyze(path.join(SAMPLES, name));
    const b = await analyze(path.join(SAMPLES, name));
    const ids = a.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(b.findings.map((f) => f.id)).toEqual(ids);
    for (const f of a.findings) expect(f.id.startsWith(`${f.ruleId}/${f.messageId}`)).toBe(true);
    for (const h of a.hypotheses) for (const s of h.supporting) expect(ids).toContain(s.findingId);
  });
});
