// @ts-nocheck
// 
import { defineRule } from '../define.js';
import { baseName, describeBoot } from '../boot-note.js';
import { dmesgEvidence } from '../evidence.js';
import type { SignatureHit } from '../signatures/match.js';
import { hitEvidence } from '../signatures/pack-rule.js';
import type { Dmesg, DmesgBoot, DmesgRecord, Snapshot } from '../../snapshot/types.js';
import type { Evidence, Severity } from '../types.js';
import type { Tag } from '../tags.js';

/**
 * Tegra PMC drivers print the reset status at boot (`tegra-pmc: ### PMC reset source: AOWDT`):
 * what reset the SoC, i.e. how the boot before this one ended. The names differ per SoC and
 * kernel (T186/T194 tables, L4T T210 `TEGRA_*` names, mainline `SYS_RESET_N`, `MAINSWRST`).
 */
const RESET_SOURCE_RE = /^tegra-pmc: ### PMC reset source: (?<source>.+?)\s*$/;

type ResetKind = 'watchdog' | 'thermal' | 'voltage' | 'power-on' | 'software' | 'sleep' | 'other';

function resetKind(source: string): ResetKind {
  if (/WDT|WATCHDOG|watchdog/i.test(source)) return 'watchdog';
  if (/^VFSENSOR$/i.test(source)) return 'voltage';
  if (/^(TEGRA_)?SENSOR$|AOTAG/i.test(source)) return 'thermal';
  if (/POWER_ON|Power on reset|SYS_RESET_N/i.test(source)) return 'power-on';
  if (/SOFTWARE|Software reset|MAINSWRST|SW_MAIN/i.test(source)) return 'software';
  if (/^(TEGRA_)?(SC7|LP0)$/i.test(source)) return 'sleep';
  return 'other';
}

const RESET_WORDS: Record<ResetKind, string> = {
  watchdog: 'a watchdog reset (the system stopped responding)',
  thermal: 'a thermal-sensor reset (the hardware over-temperature trip)',
  voltage: 'a voltage/frequency-sensor reset',
  'power-on': 'a power-on reset (power was cut or the reset line pulled)',
  software: 'a software reset (a reboot)',
  sleep: 'a wake from deep sleep',
  other: 'a reset',
};

/** Crash events in the order that decides what ended a boot (a panic says it all). */
type EndingId = 'oom-panic' | 'kernel-panic' | 'thermal-critical-shutdown' | 'kernel-oops' | 'soft-lockup' | 'hung-task' | 'rcu-stall';
const ENDINGS: { id: EndingId; what: string; severity: Severity; tags: Tag[] }[] = [
  { id: 'oom-panic', what: 'a kernel panic on out-of-memory', severity: 'critical', tags: ['reboot', 'oom'] },
  { id: 'kernel-panic', what: 'a kernel panic', severity: 'critical', tags: ['reboot'] },
  { id: 'thermal-critical-shutdown', what: 'a thermal shutdown', severity: 'critical', tags: ['thermal-shutdown', 'thermal'] },
  { id: 'kernel-oops', what: 'a kernel oops', severity: 'error', tags: ['reboot'] },
  { id: 'soft-lockup', what: 'a CPU lockup', severity: 'error', tags: ['lockup'] },
  { id: 'hung-task', what: 'a hung task', severity: 'error', tags: ['lockup'] },
  { id: 'rcu-stall', what: 'an RCU stall', severity: 'error', tags: ['lockup'] },
];

/** Lines the kernel prints on an orderly end (kernel/reboot.c, systemd-shutdown via kmsg). */
const ORDERLY_RE = /^(reboot: (?<how>Restarting system|Power down|System halted)|systemd-shutdown\[1\]: (?<sd>Rebooting|Powering off|Halting system)\.)/;

interface BootEnd {
  boot: DmesgBoot;
  /** Record indexes of this boot (its own lines and those another file added). */
  first: number;
  last: number;
}

/** Distinct boots in time order, each with the record range of all its segments. */
function distinctBoots(d: Dmesg): BootEnd[] {
  const out = new Map<number, BootEnd>();
  d.boots.forEach((b, i) => {
    const primary = b.sameBootAs ?? b.index;
    const to = (d.boots[i + 1]?.firstRecord ?? d.records.length) - 1;
    const cur = out.get(primary);
    if (cur) cur.last = Math.max(cur.last, to);
    else out.set(primary, { boot: d.boots[primary] ?? b, first: b.firstRecord, last: to });
  });
  return [...out.values()].filter((e) => e.last >= e.first);
}

function resetOf(d: Dmesg, e: BootEnd | undefined): { source: string; kind: ResetKind; record: DmesgRecord } | null {
  if (!e) return null;
  for (let i = e.first; i <= e.last; i++) {
    const r = d.records[i]!;
    if (!r.message.startsWith('tegra-pmc: ### PMC reset source:')) continue;
    const source = RESET_SOURCE_RE.exec(r.message)?.groups?.source;
    if (source) return { source, kind: resetKind(source), record: r };
  }
  return null;
}

function inBoot(e: BootEnd, h: SignatureHit): boolean {
  return !h.userspace && h.record >= e.first && h.record <= e.last;
}

/** What ended each earlier boot: the last crash line of its log, and the reset source the next boot printed. */
export const previousBootEnd = defineRule({
  meta: {
    id: 'previous-boot-end',
    title: 'What ended the previous boot',
    category: 'other',
    docs: {
      description:
        'For every boot before the current one (a previous-boot journal, dmesg.0, rotated kern.log, a pstore record, or earlier boots inside one log), finds what ended it: a kernel panic (with its reason), a thermal shutdown, an oops, a lockup or hung task that the log stops after, or an orderly reboot or power-off; adds the Tegra PMC reset source the next boot printed (watchdog, thermal sensor, power-on, software). A watchdog or sensor reset is reported even when the bundle holds no log of the earlier boot.',
      why: 'A device found running after an unexplained reboot looks healthy; the crash is in the boot before, often only in pstore or the previous journal.',
      seed: 'signatures kernel-panic, kernel-oops, hung-task, soft-lockup, rcu-stall, thermal-critical-shutdown, oom-panic',
    },
    requires: ['dmesg'],
    namesBoot: true,
    thresholds: {},
    messages: {
      crash: '{{boot}} ended in {{what}}{{detail}}{{reset}}.',
      stopped: '{{boot}} stopped after {{what}}{{detail}}: no orderly shutdown line follows{{reset}}.',
      reset: '{{boot}} ended in {{reset}}{{logNote}}.',
      orderly: '{{boot}} ended in an orderly {{how}}{{reset}}.',
      unknown: '{{boot}}: its log ends without a crash or shutdown line{{reset}}; the capture may be cut short or power was lost.',
    },
    remedy: [
      'Read the lines above the panic, oops or lockup in the quoted file: the stack names the driver or the task.',
      'On a watchdog reset with no crash line, keep pstore (ramoops) enabled and collect /sys/fs/pstore after the next reset.',
      'On a thermal reset, check cooling and the nvpmodel power mode.',
    ],
    references: [
      'Linux kernel documentation, admin-guide/ramoops: Ramoops oops/panic logger',
      'Linux kernel documentation, admin-guide/lockup-watchdogs: Softlockup detector and hardlockup detector',
      'NVIDIA Jetson Linux Developer Guide, Platform Power and Performance: Thermal Management',
    ],
    signatures: ['oom-panic', 'kernel-panic', 'thermal-critical-shutdown', 'kernel-oops', 'soft-lockup', 'hung-task', 'rcu-stall'],
  },
  check({ snapshot, signatures, report }) {
    const d = snapshot.dmesg!;
    const boots = distinctBoots(d);
    const several = (d.sources?.length ?? 0) > 1;
    const resetText = (r: ReturnType<typeof resetOf>) => (r ? `; the next boot reports ${RESET_WORDS[r.kind]}, PMC reset source ${r.source}` : '');

    boots.forEach((e, k) => {
      const next = boots[k + 1];
      if (!next) return;
      const reset = resetOf(d, next);
      const resetEv = reset ? [dmesgEvidence(snapshot, reset.record)] : [];
      const bootWords = describeBoot(e.boot).replace(/^./, (c) => c.toUpperCase());
      const orderly = lastMatch(d, e, ORDERLY_RE);
      for (const end of ENDINGS) {
        const hits = signatures.events(end.id).filter((h) => inBoot(e, h));
        const hit = hits[hits.length - 1];
        if (!hit) continue;
        const recovered = orderly !== null && orderly.index > hit.record && end.severity !== 'critical';
        if (recovered) break;
        const detail = end.id === 'kernel-panic' || end.id === 'oom-panic' ? `: ${panicReason(hit)}` : end.id === 'thermal-critical-shutdown' ? ` (${hit.groups.zone_type ?? hit.groups.zone ?? 'a thermal zone'} reached its critical trip)` : ` (${hit.text.trim()})`;
        const tags = new Set<Tag>(end.tags);
        if (/hung_task|softlockup|LOCKUP|watchdog/i.test(hit.text) && end.id === 'kernel-panic') tags.add('lockup');
        if (reset?.kind === 'thermal') tags.add('thermal-shutdown');
        report({
          messageId: end.severity === 'critical' ? 'crash' : 'stopped',
          signatures: [end.id],
          severity: end.severity,
          confidence: 0.85,
         
          data: { boot: bootWords, what: end.what, detail, reset: resetText(reset) },
          figures: bootFigures(d, e, reset?.source),
          evidence: [...hits.slice(-3).map((h) => evidenceFor(snapshot, h)), ...resetEv],
          tags: [...tags],
        });
        return;
      }
      if (reset && (reset.kind === 'watchdog' || reset.kind === 'thermal')) {
        reportReset(reset, resetEv, e, bootWords, `, with no crash line in the log of that boot (${baseName(e.boot.file ?? d.file)})`);
        return;
      }
      // Orderly and unexplained ends are worth a line only when the earlier boot came from its own file.
      if (!several) return;
      if (orderly) {
        report({
          messageId: 'orderly', signatures: [], severity: 'info', confidence: 0.8,
          data: { boot: bootWords, how: orderly.how, reset: resetText(reset) },
          figures: bootFigures(d, e, reset?.source),
          evidence: [dmesgEvidence(snapshot, orderly.record), ...resetEv],
          tags: [],
        });
        return;
      }
      const last = d.records[e.last]!;
      report({
        messageId: 'unknown', signatures: [], severity: reset?.kind === 'power-on' ? 'warning' : 'info', confidence: 0.5,
        data: { boot: bootWords, reset: resetText(reset) },
        figures: bootFigures(d, e, reset?.source),
        evidence: [dmesgEvidence(snapshot, last), ...resetEv],
        tags: [],
      });
    });

    // No log of the boot before the oldest one read: its reset source still tells how that boot ended.
    const oldest = boots[0];
    const reset = resetOf(d, oldest);
    if (oldest && reset && (reset.kind === 'watchdog' || reset.kind === 'thermal')) {
      const who = (oldest.boot.bootsAgo ?? 0) === 0 ? 'The boot before this one' : `The boot before the ${describeBoot(oldest.boot)}`;
      reportReset(reset, [dmesgEvidence(snapshot, reset.record)], null, who, ': the bundle holds no log of that boot (collect /sys/fs/pstore and the previous boot\'s journal next time)');
    }

    function reportReset(reset: NonNullable<ReturnType<typeof resetOf>>, evidence: Evidence[], e: BootEnd | null, boot: string, logNote: string) {
      report({
        messageId: 'reset',
        signatures: [],
        severity: 'error',
        confidence: 0.75,
       
        data: { boot, reset: `${RESET_WORDS[reset.kind]}, PMC reset source ${reset.source}`, logNote },
        figures: [{ label: 'PMC reset source', value: reset.source }, ...(e ? bootFigures(d, e, undefined) : [])],
        evidence,
        tags: reset.kind === 'thermal' ? ['thermal-shutdown', 'thermal'] : ['watchdog-reset'],
      });
    }
  },
});

function lastMatch(d: Dmesg, e: BootEnd, re: RegExp): { index: number; record: DmesgRecord; how: string } | null {
  for (let i = e.last; i >= e.first; i--) {
    const r = d.records[i]!;
    const m = re.exec(r.message);
    if (m) {
      const how = m.groups?.how ?? m.groups?.sd ?? '';
      return { index: i, record: r, how: /Restart|Reboot/i.test(how) ? 'reboot' : /Power/i.test(how) ? 'power-off' : 'halt' };
    }
  }
  return null;
}

function panicReason(h: SignatureHit): string {
  return h.groups.reason?.trim() || h.text.replace(/^.*Kernel panic - not syncing: /, '').trim();
}

function evidenceFor(s: Snapshot, h: SignatureHit): Evidence {
  return hitEvidence(s.dmesg!.file, [h])[0]!;
}

function bootFigures(d: Dmesg, e: BootEnd, resetSource: string | undefined) {
  const last = d.records[e.last]!;
  return [
    { label: 'log of that boot', value: e.boot.file ?? d.file },
    ...(last.monotonic !== undefined ? [{ label: 'last line at', value: Math.round(last.monotonic), unit: 's after boot' }] : []),
    ...(resetSource ? [{ label: 'PMC reset source (next boot)', value: resetSource }] : []),
  ];
}
