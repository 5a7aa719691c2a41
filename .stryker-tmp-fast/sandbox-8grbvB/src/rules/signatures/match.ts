/**
 * Runs the compiled signatures over the dmesg records once per analysis. Messages arrive
 * already normalised (the dmesg parser removed timestamp, syslog and level prefixes).
 * Adds `N callbacks suppressed` to the signature whose function was rate-limited, and
 * retries author-wrapped high-value lines joined with the next line.
 */
// @ts-nocheck

import type { Dmesg, DmesgRecord } from '../../snapshot/types.js';
import type { CompiledPattern, CompiledSignature } from './pack.js';
import { wallSeconds } from '../../util/wallclock.js';
import { currentBoots } from '../../util/boot-clock.js';

export interface SignatureHit {
  signatureId: string;
  pattern: number;
  role: NonNullable<CompiledPattern['role']>;
  record: number;
  line: number;
  groups: Record<string, string | undefined>;
  /** The matched text (joined with the next line when `joined`). */
  text: string;
  /** The line as printed: its prefix (stamp, level, ident) and its own message, for evidence. */
  prefix?: string;
  message: string;
  joined: boolean;
  monotonic?: number;
  wallClock?: string;
  /** Clock time (epoch seconds) from the bundle's boot time, for lines of the running boot. */
  clock?: number;
  /** Seconds on one scale for the whole log (monotonic, else the wall clock), to relate events. */
  t?: number;
  boot: number;
  /** The kernel log file the line is in, when the bundle has several. */
  file?: string;
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

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which required literals (each pattern's, and each join anchor) a message contains, found
 * in one regex scan instead of an `includes` per pattern: most dmesg lines contain none and
 * cost that one scan; a line that does is tried only against the patterns whose literal it
 * holds, which is exactly what the `includes` before each pattern allowed.
 */
class LiteralGate {
  private readonly re: RegExp | null;
  private readonly ids = new Map<string, number>();
  /** For each literal, the literals that are its prefixes (itself included). */
  private readonly prefixes: number[][] = [];
  /** `seen[id] === stamp` when literal `id` is in the current message. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(literals: Iterable<string>) {
    for (const l of literals) if (!this.ids.has(l)) this.ids.set(l, this.ids.size);
    const all = [...this.ids.keys()];
    for (const l of all) this.prefixes.push(all.filter((o) => l.startsWith(o)).map((o) => this.ids.get(o)!));
    this.seen = new Uint32Array(all.length);
    // Longest first: where several literals start at one place, the one found is the
    // longest, and the others there are its prefixes.
    const alternation = [...all].sort((x, y) => y.length - x.length).map(escapeRe).join('|');
    this.re = all.length ? new RegExp(alternation, 'g') : null;
  }

  id(literal: string): number {
    return this.ids.get(literal)!;
  }

  /** Marks the literals in `msg`; false when it holds none. */
  scan(msg: string): boolean {
    const re = this.re;
    if (re === null) return false;
    this.stamp++;
    let any = false;
    re.lastIndex = 0;
    for (let m = re.exec(msg); m !== null; m = re.exec(msg)) {
      any = true;
      for (const id of this.prefixes[this.ids.get(m[0])!]!) this.seen[id] = this.stamp;
      re.lastIndex = m.index + 1; // literals may overlap: look again one character on
    }
    return any;
  }

  has(id: number): boolean {
    return this.seen[id] === this.stamp;
  }
}

interface GatedSignature {
  sig: CompiledSignature;
  /** Literal id per pattern, -1 for a pattern without one (always tried). */
  literal: number[];
  /** The join anchor's literal id, or -1. */
  anchor: number;
  /** True when every pattern has a literal: skipped unless one of them (or the anchor) is present. */
  gated: boolean;
}

function buildGate(signatures: CompiledSignature[]): { gate: LiteralGate; sigs: GatedSignature[] } {
  const literals: string[] = [];
  for (const s of signatures) {
    for (const p of s.patterns) if (p.literal !== null) literals.push(p.literal);
    if (s.joinContinuation && s.patterns[0]!.joinAnchor) literals.push(s.patterns[0]!.joinAnchor);
  }
  const gate = new LiteralGate(literals);
  const sigs = signatures.map((sig) => ({
    sig,
    literal: sig.patterns.map((p) => (p.literal === null ? -1 : gate.id(p.literal))),
    anchor: sig.joinContinuation && sig.patterns[0]!.joinAnchor ? gate.id(sig.patterns[0]!.joinAnchor) : -1,
    gated: sig.patterns.every((p) => p.literal !== null),
  }));
  return { gate, sigs };
}

/** `bootClock`: clock time of the running boot (epoch seconds), when the bundle gives it. */
export function matchSignatures(dmesg: Dmesg | undefined, signatures: CompiledSignature[], bootClock?: number): SignatureIndex {
  const hits = new Map<string, SignatureHit[]>();
  const current = dmesg ? currentBoots(dmesg) : new Set<number>();
  // Kernel rules see kernel lines only; a signature reads user-space lines when it says so.
  const kernelSigs = signatures.filter((s) => !s.sources || s.sources.includes('kernel'));
  const userSigs = signatures.filter((s) => s.sources?.includes('userspace'));

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
      prefix: r.prefix,
      message: r.message,
      joined,
      monotonic: r.monotonic,
      wallClock: r.wallClock,
      // Earlier boots restarted the kernel clock: only the running boot maps onto the clock.
      ...(bootClock !== undefined && r.monotonic !== undefined && current.has(r.boot) && !userspace ? { clock: bootClock + r.monotonic } : {}),
      t: r.monotonic ?? wallSeconds(r.wallClock),
      boot: r.boot,
      // Set when the bundle held several kernel logs (line numbers are this file's).
      file: dmesg?.sources ? dmesg.boots[r.boot]?.file : undefined,
      ...(userspace ? { userspace: true as const } : {}),
    });
    hits.set(s.id, list);
  };
  const scan = (records: DmesgRecord[], signatures: CompiledSignature[], userspace: boolean) => {
    const { gate, sigs } = buildGate(signatures);
    const ungated = sigs.filter((g) => !g.gated);
    for (let idx = 0; idx < records.length; idx++) {
      const r = records[idx]!;
      const msg = r.message;
      if (msg.includes('callbacks suppressed')) {
        const m = SUPPRESSED_RE.exec(msg);
        const id = m && byFunction.get(m.groups!.fn!);
        if (id) suppressed.set(id, (suppressed.get(id) ?? 0) + Number(m!.groups!.n));
        continue;
      }
      const candidates = gate.scan(msg) ? sigs : ungated;
      for (const g of candidates) {
        const s = g.sig;
        let matched = false;
        for (let k = 0; k < s.patterns.length; k++) {
          const lit = g.literal[k]!;
          if (lit >= 0 && !gate.has(lit)) continue;
          const m = s.patterns[k]!.re.exec(msg);
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
        if (!next || g.anchor < 0 || !gate.has(g.anchor)) continue;
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
  scan(dmesg?.records ?? [], kernelSigs, false);
  if (userSigs.length && dmesg?.userspace?.length) scan(dmesg.userspace, userSigs, true);
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
