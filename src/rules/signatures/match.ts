/**
 * Runs the compiled signatures over the dmesg records once per analysis. Messages arrive
 * already normalised (the dmesg parser removed timestamp, syslog and level prefixes).
 * Adds `N callbacks suppressed` to the signature whose function was rate-limited, and
 * retries author-wrapped high-value lines joined with the next line.
 */
import type { Dmesg, DmesgRecord } from '../../snapshot/types.js';
import type { CompiledPattern, CompiledSignature } from './pack.js';
import { wallSeconds } from '../../util/wallclock.js';
import { currentBoots } from '../../util/boot-clock.js';
import { keepLatest } from '../../util/keep-latest.js';

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

/**
 * Log order for hits: kernel lines by record (the merged kernel log runs from the oldest boot
 * read to the current one), then user-space lines by file and line. Sorting by file name put
 * `dmesg` (this boot) before `dmesg.0` (the boot before).
 */
export function inLogOrder(a: SignatureHit, b: SignatureHit): number {
  if (a.userspace !== b.userspace) return a.userspace ? 1 : -1;
  if (!a.userspace) return a.record - b.record || a.line - b.line;
  return (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line;
}

export interface SignatureIndex {
  signatures: CompiledSignature[];
  hits(id: string): readonly SignatureHit[];
  /** Primary hits only (events), ignoring `ignoreIf` matches. */
  events(id: string): readonly SignatureHit[];
  suppressed(id: string): number;
}

const SUPPRESSED_RE = /(?<fn>[\w.]+): (?<n>\d+) callbacks suppressed/;

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * A regex for `words` that matches, at the leftmost place where one starts, the longest one
 * starting there: the words as a trie (`c(?:ma: |ritical …)`), each branch taken on its own
 * first character and a word's end optional after the longer words through it. It finds what
 * the plain alternation of the words, longest first, finds, but tries one branch per place
 * instead of every word (the gate runs on every kernel message).
 */
export function trieSource(words: readonly string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map(), end: false }));
      node = n;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const alts = [...node.next].map(([ch, n]) => {
      let text = escapeRe(ch);
      let at = n;
      while (!at.end && at.next.size === 1) {
        const [[c, m]] = [...at.next];
        text += escapeRe(c!);
        at = m!;
      }
      return text + source(at);
    });
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return source(root);
}

/**
 * Which required literals (each pattern's, each join anchor, and the rate-limit notice) a
 * message contains, found in one regex scan instead of an `includes` per pattern: most dmesg
 * lines contain none and cost that one scan; a line that does is tried only against the
 * signatures holding one of its literals, and only against the patterns whose literal it
 * holds, which is exactly what the `includes` before each pattern allowed.
 */
class LiteralGate {
  private readonly re: RegExp | null;
  private readonly ids = new Map<string, number>();
  /** For each literal, the literals that are its prefixes (itself included). */
  private readonly prefixes: number[][] = [];
  /** For each literal, the gated signatures (by index) that hold it. */
  private readonly holders: number[][] = [];
  /** `seen[id] === stamp` when literal `id` is in the current message. */
  private readonly seen: Uint32Array;
  /** `marked[sig] === stamp` when gated signature `sig` is already a candidate. */
  private readonly marked: Uint32Array;
  private stamp = 0;
  /** The gated signatures the last scanned message may match (first `count` entries). */
  readonly candidates: Int32Array;
  count = 0;

  constructor(literals: Iterable<string>, signatures: number) {
    for (const l of literals) if (!this.ids.has(l)) this.ids.set(l, this.ids.size);
    const all = [...this.ids.keys()];
    for (const l of all) this.prefixes.push(all.filter((o) => l.startsWith(o)).map((o) => this.ids.get(o)!));
    for (let i = 0; i < all.length; i++) this.holders.push([]);
    this.seen = new Uint32Array(all.length);
    this.marked = new Uint32Array(signatures);
    this.candidates = new Int32Array(signatures);
    // Where several literals start at one place, the one found is the longest, and the
    // others there are its prefixes.
    this.re = all.length ? new RegExp(trieSource(all), 'g') : null;
  }

  id(literal: string): number {
    return this.ids.get(literal)!;
  }

  /** Signature `sig` is tried on a message that holds literal `id`. */
  hold(id: number, sig: number): void {
    if (!this.holders[id]!.includes(sig)) this.holders[id]!.push(sig);
  }

  /** Marks the literals in `msg` and collects the candidate signatures; false when it holds none. */
  scan(msg: string): boolean {
    const re = this.re;
    this.count = 0;
    if (re === null) return false;
    const stamp = ++this.stamp;
    let any = false;
    re.lastIndex = 0;
    for (let m = re.exec(msg); m !== null; m = re.exec(msg)) {
      any = true;
      for (const id of this.prefixes[this.ids.get(m[0])!]!) {
        if (this.seen[id] === stamp) continue;
        this.seen[id] = stamp;
        for (const sig of this.holders[id]!) {
          if (this.marked[sig] === stamp) continue;
          this.marked[sig] = stamp;
          this.candidates[this.count++] = sig;
        }
      }
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
  /** Where its hits go. */
  hits: SignatureHit[];
  /** Per pattern, the shape of its named groups (set at its first match). */
  shapes: (GroupShape | undefined)[];
  /** Literal id per pattern, -1 for a pattern without one (always tried). */
  literal: number[];
  /** The join anchor's literal id, or -1. */
  anchor: number;
  /** True when every pattern has a literal: skipped unless one of them (or the anchor) is present. */
  gated: boolean;
}

const SUPPRESSED_LITERAL = 'callbacks suppressed';

function buildGate(signatures: CompiledSignature[], lists: Map<string, SignatureHit[]>) {
  const literals: string[] = [SUPPRESSED_LITERAL];
  for (const s of signatures) {
    for (const p of s.patterns) if (p.literal !== null) literals.push(p.literal);
    if (s.joinContinuation && s.patterns[0]!.joinAnchor) literals.push(s.patterns[0]!.joinAnchor);
  }
  const gate = new LiteralGate(literals, signatures.length);
  const sigs: GatedSignature[] = signatures.map((sig) => {
    const hits = lists.get(sig.id) ?? [];
    lists.set(sig.id, hits);
    return {
      sig,
      hits,
      shapes: [],
      literal: sig.patterns.map((p) => (p.literal === null ? -1 : gate.id(p.literal))),
      anchor: sig.joinContinuation && sig.patterns[0]!.joinAnchor ? gate.id(sig.patterns[0]!.joinAnchor) : -1,
      gated: sig.patterns.every((p) => p.literal !== null),
    };
  });
  sigs.forEach((g, i) => {
    if (!g.gated) return;
    for (const lit of g.literal) gate.hold(lit, i);
    if (g.anchor >= 0) gate.hold(g.anchor, i);
  });
  return { gate, sigs, ungated: sigs.filter((g) => !g.gated), suppressed: gate.id(SUPPRESSED_LITERAL) };
}

/** What every hit of one scan shares: where its clock time and file come from. */
interface HitContext {
  dmesg: Dmesg | undefined;
  bootClock: number | undefined;
  current: Set<number>;
  userspace: boolean;
}

/**
 * One hit: the record it is on and what the pattern captured. The line's own fields (line
 * number, prefix, message, times, boot) are read from the record, not copied: a 100k-line
 * log can give tens of thousands of hits.
 */
class Hit implements SignatureHit {
  readonly t: number | undefined;
  constructor(
    private readonly ctx: HitContext,
    private readonly r: DmesgRecord,
    private readonly sig: CompiledSignature,
    readonly pattern: number,
    readonly record: number,
    readonly groups: Record<string, string | undefined>,
    readonly text: string,
    readonly joined: boolean,
  ) {
    this.t = r.monotonic ?? wallSeconds(r.wallClock);
  }
  get signatureId(): string {
    return this.sig.id;
  }
  get role(): NonNullable<CompiledPattern['role']> {
    return this.sig.patterns[this.pattern]!.role ?? 'primary';
  }
  get line(): number {
    return this.r.line;
  }
  get prefix(): string | undefined {
    return this.r.prefix;
  }
  get message(): string {
    return this.r.message;
  }
  get monotonic(): number | undefined {
    return this.r.monotonic;
  }
  get wallClock(): string | undefined {
    return this.r.wallClock;
  }
  get boot(): number {
    return this.r.boot;
  }
  get clock(): number | undefined {
    // Earlier boots restarted the kernel clock: only the running boot maps onto the clock.
    const { bootClock, current, userspace } = this.ctx;
    const mono = this.r.monotonic;
    return bootClock !== undefined && mono !== undefined && !userspace && current.has(this.r.boot) ? bootClock + mono : undefined;
  }
  get file(): string | undefined {
    // Set when the bundle held several kernel logs (line numbers are this file's).
    const d = this.ctx.dmesg;
    return d?.sources ? d.boots[this.r.boot]?.file : undefined;
  }
  get userspace(): true | undefined {
    return this.ctx.userspace ? true : undefined;
  }
}

/** Shared by hits whose pattern has no named groups (never written to). */
const NO_GROUPS: Record<string, string | undefined> = Object.freeze({});

interface GroupShape {
  names: string[];
  /** Every name set to undefined: copied, then filled. */
  template: Record<string, string | undefined>;
}

/**
 * A match's named groups as a plain object. exec gives a dictionary-mode object about twice
 * the size of a plain one, and a log may give tens of thousands of hits: each is copied into
 * an object of one shape per pattern (a copy of the template, then filled), the same keys in
 * the same order as the match's.
 */
function groupsOf(m: RegExpExecArray, shapes: (GroupShape | undefined)[], k: number): Record<string, string | undefined> {
  const g = m.groups;
  if (!g) return NO_GROUPS;
  let shape = shapes[k];
  if (!shape) {
    const names = Object.keys(g);
    const template: Record<string, string | undefined> = {};
    for (const n of names) template[n] = undefined;
    shape = shapes[k] = { names, template };
  }
  const out = { ...shape.template };
  for (const n of shape.names) out[n] = g[n];
  return out;
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
  const scan = (records: DmesgRecord[], signatures: CompiledSignature[], userspace: boolean) => {
    const ctx: HitContext = { dmesg, bootClock, current, userspace };
    const { gate, sigs, ungated, suppressed: suppressedLiteral } = buildGate(signatures, hits);
    const candidates = gate.candidates;
    const push = (g: GatedSignature, k: number, r: DmesgRecord, idx: number, m: RegExpExecArray, text: string, joined: boolean) => {
      g.hits.push(new Hit(ctx, r, g.sig, k, idx, groupsOf(m, g.shapes, k), text, joined));
    };
    const tryOne = (g: GatedSignature, r: DmesgRecord, idx: number, msg: string) => {
      const s = g.sig;
      for (let k = 0; k < s.patterns.length; k++) {
        const lit = g.literal[k]!;
        if (lit >= 0 && !gate.has(lit)) continue;
        const m = s.patterns[k]!.re.exec(msg);
        if (m) {
          push(g, k, r, idx, m, msg, false);
          return;
        }
      }
      if (!s.joinContinuation) return;
      // A line wrapped by whoever pasted it: retry with the next line appended.
      const p0 = s.patterns[0]!;
      const next = records[idx + 1];
      if (!next || g.anchor < 0 || !gate.has(g.anchor)) return;
      const head = msg.trimEnd();
      const withSpace = `${head} ${next.message.trim()}`;
      const withoutSpace = `${head}${next.message.trim()}`;
      // A line cut mid-word (`access type: virt rea` / `d,`) rejoins without a space.
      const midWord = /[A-Za-z0-9]$/.test(head);
      const m = midWord ? (p0.re.exec(withoutSpace) ?? p0.re.exec(withSpace)) : (p0.re.exec(withSpace) ?? p0.re.exec(withoutSpace));
      if (m) push(g, 0, r, idx, m, m.input, true);
    };
    // The newest scanner's closures (tryOne holds push and scan) stay referenced so V8 keeps
    // their compiled code: see keepLatest.
    keepLatest('signature-scan', tryOne);
    for (let idx = 0; idx < records.length; idx++) {
      const r = records[idx]!;
      const msg = r.message;
      const any = gate.scan(msg);
      if (any && gate.has(suppressedLiteral)) {
        const m = SUPPRESSED_RE.exec(msg);
        const id = m && byFunction.get(m.groups!.fn!);
        if (id) suppressed.set(id, (suppressed.get(id) ?? 0) + Number(m!.groups!.n));
        continue;
      }
      for (let i = 0; i < ungated.length; i++) tryOne(ungated[i]!, r, idx, msg);
      for (let i = 0; i < gate.count; i++) tryOne(sigs[candidates[i]!]!, r, idx, msg);
    }
  };
  // scan itself too: tryOne's context does not hold it, and once the bundle's scan was garbage
  // V8 dropped its code at the next full collection and compiled it again (OSR, then whole)
  // every 15-30 bundles (--trace-opt).
  keepLatest('signature-scan-loop', scan);
  scan(dmesg?.records ?? [], kernelSigs, false);
  if (userSigs.length && dmesg?.userspace?.length) scan(dmesg.userspace, userSigs, true);
  const ignored = (s: CompiledSignature, h: SignatureHit) => s.ignore.some(([k, re]) => h.groups[k] !== undefined && re.test(h.groups[k]!));
  const byId = new Map(signatures.map((s) => [s.id, s]));
  // Several rules ask for the same signature's events: filtered once.
  const events = new Map<string, SignatureHit[]>();
  return {
    signatures,
    hits: (id) => hits.get(id) ?? [],
    events: (id) => {
      let list = events.get(id);
      if (!list) {
        const s = byId.get(id);
        list = (hits.get(id) ?? []).filter((h) => h.role === 'primary' && (!s || !ignored(s, h)));
        events.set(id, list);
      }
      return list;
    },
    suppressed: (id) => suppressed.get(id) ?? 0,
  };
}
