/**
 * Runs the compiled signatures over the dmesg records once per analysis. Messages arrive
 * already normalised (the dmesg parser removed timestamp, syslog and level prefixes).
 * Adds `N callbacks suppressed` to the signature whose function was rate-limited, and
 * retries author-wrapped high-value lines joined with the next line.
 */
import type { Dmesg, DmesgRecord } from '../../snapshot/types.js';
import type { CompiledPattern, CompiledSignature } from './pack.js';
import { wallSeconds } from '../../util/wallclock.js';

export interface SignatureHit {
  signatureId: string;
  pattern: number;
  role: NonNullable<CompiledPattern['role']>;
  record: number;
  line: number;
  groups: Record<string, string | undefined>;
  /** The matched text (joined with the next line when `joined`). */
  text: string;
  joined: boolean;
  monotonic?: number;
  wallClock?: string;
  /** Clock time (epoch seconds) from the bundle's boot time, for lines of the running boot. */
  clock?: number;
  /** Seconds on one scale for the whole log (monotonic, else the wall clock), to relate events. */
  t?: number;
  boot: number;
  /** Set for a user-space syslog/journal line: `record` then indexes `dmesg.userspace`. */
  userspace?: true;
}

export interface SignatureIndex {
  signatures: CompiledSignature[];
  hits(id: string): SignatureHit[];
  /** Primary hits only (events), ignoring `ignoreIf` matches. */
  events(id: string): SignatureHit[];
  suppressed(id: string): number;
}

const SUPPRESSED_RE = /(?<fn>[\w.]+): (?<n>\d+) callbacks suppressed/;

function tryPattern(p: CompiledPattern, text: string): RegExpExecArray | null {
  if (p.literal !== null && !text.includes(p.literal)) return null;
  return p.re.exec(text);
}

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regex over every pattern's required literal: a line that contains none of them can
 * only match the few patterns without a literal, so most lines cost one scan.
 */
function buildGate(signatures: CompiledSignature[]): { gate: RegExp | null; ungated: CompiledSignature[] } {
  const literals = new Set<string>();
  const ungated: CompiledSignature[] = [];
  for (const s of signatures) {
    if (s.patterns.some((p) => p.literal === null)) ungated.push(s);
    for (const p of s.patterns) if (p.literal !== null) literals.add(p.literal);
    if (s.joinContinuation && s.patterns[0]!.joinAnchor) literals.add(s.patterns[0]!.joinAnchor);
  }
  return { gate: literals.size ? new RegExp([...literals].map(escapeRe).join('|')) : null, ungated };
}

/** `bootClock`: clock time of the running boot (epoch seconds), when the bundle gives it. */
export function matchSignatures(dmesg: Dmesg | undefined, signatures: CompiledSignature[], bootClock?: number): SignatureIndex {
  const hits = new Map<string, SignatureHit[]>();
  const lastBoot = dmesg ? Math.max(0, dmesg.boots.length - 1) : 0;
  // Kernel rules see kernel lines only; a signature reads user-space lines when it says so.
  const kernelSigs = signatures.filter((s) => !s.sources || s.sources.includes('kernel'));
  const userSigs = signatures.filter((s) => s.sources?.includes('userspace'));
  const { gate, ungated } = buildGate(kernelSigs);
  const suppressed = new Map<string, number>();
  const byFunction = new Map<string, string>();
  for (const s of signatures) for (const fn of s.suppressedFunctions ?? []) byFunction.set(fn, s.id);
  const push = (s: CompiledSignature, k: number, r: DmesgRecord, idx: number, m: RegExpExecArray, text: string, joined: boolean, userspace: boolean) => {
    const list = hits.get(s.id) ?? [];
    list.push({
      signatureId: s.id,
      pattern: k,
      role: s.patterns[k]!.role ?? 'primary',
      record: idx,
      line: r.line,
      groups: { ...(m.groups ?? {}) },
      text,
      joined,
      monotonic: r.monotonic,
      wallClock: r.wallClock,
      // Earlier boots restarted the kernel clock: only the running boot maps onto the clock.
      ...(bootClock !== undefined && r.monotonic !== undefined && r.boot === lastBoot && !userspace ? { clock: bootClock + r.monotonic } : {}),
      t: r.monotonic ?? wallSeconds(r.wallClock),
      boot: r.boot,
      ...(userspace ? { userspace: true as const } : {}),
    });
    hits.set(s.id, list);
  };
  const scan = (records: DmesgRecord[], signatures: CompiledSignature[], gate: RegExp | null, ungated: CompiledSignature[], userspace: boolean) => {
    for (let idx = 0; idx < records.length; idx++) {
      const r = records[idx]!;
      const msg = r.message;
      if (msg.includes('callbacks suppressed')) {
        const m = SUPPRESSED_RE.exec(msg);
        const id = m && byFunction.get(m.groups!.fn!);
        if (id) suppressed.set(id, (suppressed.get(id) ?? 0) + Number(m!.groups!.n));
        continue;
      }
      const candidates = gate === null || gate.test(msg) ? signatures : ungated;
      for (const s of candidates) {
        let matched = false;
        for (let k = 0; k < s.patterns.length; k++) {
          const m = tryPattern(s.patterns[k]!, msg);
          if (m) {
            push(s, k, r, idx, m, msg, false, userspace);
            matched = true;
            break;
          }
        }
        if (matched || !s.joinContinuation) continue;
        // A line wrapped by whoever pasted it: retry with the next line appended.
        const p0 = s.patterns[0]!;
        const next = records[idx + 1];
        if (!next || !p0.joinAnchor || !msg.includes(p0.joinAnchor)) continue;
        const head = msg.trimEnd();
        const withSpace = `${head} ${next.message.trim()}`;
        const withoutSpace = `${head}${next.message.trim()}`;
        // A line cut mid-word (`access type: virt rea` / `d,`) rejoins without a space.
        const midWord = /[A-Za-z0-9]$/.test(head);
        const m = midWord ? (p0.re.exec(withoutSpace) ?? p0.re.exec(withSpace)) : (p0.re.exec(withSpace) ?? p0.re.exec(withoutSpace));
        if (m) push(s, 0, r, idx, m, m.input, true, userspace);
      }
    }
  };
  scan(dmesg?.records ?? [], kernelSigs, gate, ungated, false);
  if (userSigs.length && dmesg?.userspace?.length) {
    const g = buildGate(userSigs);
    scan(dmesg.userspace, userSigs, g.gate, g.ungated, true);
  }
  const ignored = (s: CompiledSignature, h: SignatureHit) => s.ignore.some(([k, re]) => h.groups[k] !== undefined && re.test(h.groups[k]!));
  const byId = new Map(signatures.map((s) => [s.id, s]));
  return {
    signatures,
    hits: (id) => hits.get(id) ?? [],
    events: (id) => {
      const s = byId.get(id);
      return (hits.get(id) ?? []).filter((h) => h.role === 'primary' && (!s || !ignored(s, h)));
    },
    suppressed: (id) => suppressed.get(id) ?? 0,
  };
}
