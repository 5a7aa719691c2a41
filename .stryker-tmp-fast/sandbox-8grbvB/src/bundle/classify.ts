/**
 * Recognises what each bundle file is. Names first (real bundles are collected by hand and
 * by many scripts, so names are matched loosely anywhere in the tree), then the first lines
 * when the name says nothing. Each input kind has an ordered list of candidate paths per
 * layout; the best-ranked file feeds the snapshot and the others are listed as unused with
 * the reason. Kernel logs are the exception: all are read (the rank orders them).
 */
// @ts-nocheck

import type { BundleLayout, InputKind } from './inventory.js';

interface NameRule {
  kind: InputKind;
  /** Tested against the lower-cased path relative to the layout root. */
  pattern: RegExp;
}

// Order matters inside a kind: earlier patterns are preferred candidates.
const NAME_RULES: NameRule[] = [
  { kind: 'nvidia-bug-report', pattern: /(^|\/)nvidia-bug-report[^/]*\.log$/ },
  { kind: 'manifest', pattern: /(^|\/)manifest\.json$/ },
  { kind: 'meminfo', pattern: /(^|\/)proc\/meminfo$/ },
  { kind: 'meminfo', pattern: /(^|\/|[_.-])meminfo([_.-][^/]*)?$/ },
  { kind: 'buddyinfo', pattern: /(^|\/)proc\/buddyinfo$/ },
  { kind: 'buddyinfo', pattern: /(^|\/|[_.-])buddyinfo([_.-][^/]*)?$/ },
  { kind: 'zoneinfo', pattern: /(^|\/)proc\/zoneinfo$/ },
  { kind: 'zoneinfo', pattern: /(^|\/|[_.-])zoneinfo([_.-][^/]*)?$/ },
  { kind: 'pagetypeinfo', pattern: /(^|\/|[_.-])pagetypeinfo([_.-][^/]*)?$/ },
  { kind: 'iomem', pattern: /(^|\/)proc\/iomem$/ },
  { kind: 'iomem', pattern: /(^|\/|[_.-])iomem([_.-][^/]*)?$/ },
  { kind: 'dmesg', pattern: /(^|\/)sos_commands\/kernel\/dmesg[^/]*$/ },
  { kind: 'dmesg', pattern: /(^|\/|[_.-])dmesg([_.-][^/]*)?$/ },
  { kind: 'dmesg', pattern: /(^|\/)kern\.log(\.\d+)?$/ },
  // pstore records of the boot that crashed (the console tail and the panic/oops dumps);
  // `pmsg-ramoops` holds user-space messages and is left to content sniffing.
  { kind: 'dmesg', pattern: /(^|\/)(console|dmesg)-ramoops(-\d+)?(\.\w+)?$/ },
  { kind: 'dmesg', pattern: /(^|\/)journalctl[_-]+(?:[^/]*[_-])?(k|-dmesg|kernel)([_.-][^/]*)?$/ },
  { kind: 'dmesg', pattern: /(^|\/)(var\/log\/)?(syslog|messages)(\.\d+)?$/ },
  { kind: 'dmesg', pattern: /(^|\/)sos_commands\/logs\/journalctl[^/]*$/ },
  { kind: 'tegrastats', pattern: /(^|\/|[_.-])tegrastats([_.-][^/]*)?$/ },
  { kind: 'nv-tegra-release', pattern: /(^|\/)(etc\/)?nv_tegra_release([_.-][^/]*)?$/ },
  { kind: 'dt-model', pattern: /(^|\/)(proc\/)?device-tree\/model$/ },
  { kind: 'dt-model', pattern: /(^|\/)sys\/firmware\/devicetree\/base\/model$/ },
  { kind: 'dt-model', pattern: /(^|\/)(dt[_-]?)?model(\.txt)?$/ },
  { kind: 'dt-compatible', pattern: /(^|\/)(proc\/)?device-tree\/compatible$/ },
  { kind: 'dt-compatible', pattern: /(^|\/)sys\/firmware\/devicetree\/base\/compatible$/ },
  { kind: 'dt-compatible', pattern: /(^|\/)(dt[_-]?)?compatible(\.txt)?$/ },
  { kind: 'dt-dtsfilename', pattern: /(^|\/)(proc\/device-tree\/)?nvidia,dtsfilename$/ },
  { kind: 'dt-serial-number', pattern: /(^|\/)(proc\/)?device-tree\/serial-number$/ },
  { kind: 'dt-serial-number', pattern: /(^|\/)sys\/firmware\/devicetree\/base\/serial-number$/ },
  { kind: 'dt-serial-number', pattern: /(^|\/)serial[_-]number(\.txt)?$/ },
  { kind: 'machine-id', pattern: /(^|\/)(etc\/)?machine-id(\.txt)?$/ },
  { kind: 'uname', pattern: /(^|\/)(sos_commands\/kernel\/)?uname[^/]*$/ },
  { kind: 'cmdline', pattern: /(^|\/)proc\/cmdline$/ },
  { kind: 'cmdline', pattern: /(^|\/)cmdline(\.txt)?$/ },
  { kind: 'uptime', pattern: /(^|\/)proc\/uptime$/ },
  { kind: 'uptime', pattern: /(^|\/)uptime(\.txt)?$/ },
  { kind: 'hostname', pattern: /(^|\/)(etc\/)?hostname$/ },
  { kind: 'vmstat', pattern: /(^|\/)proc\/vmstat$/ },
  { kind: 'vmstat', pattern: /(^|\/|[_.-])vmstat([_.-][^/]*)?$/ },
  { kind: 'dma-buf', pattern: /(^|\/)dma_buf\/bufinfo$/ },
  { kind: 'dma-buf', pattern: /(^|\/|[_.-])(dma[_-]?buf[_-]?)?bufinfo([_.-][^/]*)?$/ },
  { kind: 'iommu-groups', pattern: /(^|\/|[_.-])iommu[_-]groups([_.-][^/]*)?$/ },
  { kind: 'nvmap-clients', pattern: /(^|\/)nvmap\/iovmm\/clients$/ },
  { kind: 'nvmap-clients', pattern: /(^|\/|[_.-])nvmap[_-](iovmm[_-])?clients([_.-][^/]*)?$/ },
  { kind: 'thermal-trips', pattern: /(^|\/|[_.-])(thermal[_-])?trip[_-]points([_.-][^/]*)?$/ },
  { kind: 'thermal-type', pattern: /thermal_zone\d+\/type$/ },
  { kind: 'thermal-temp', pattern: /thermal_zone\d+\/temp$/ },
];

/**
 * Layout-specific candidates. For the kinds a layout lists, only its candidates count, in
 * order: a sosreport's top-level `uptime` is the `uptime` command's output, not /proc/uptime,
 * and its kernel log is `sos_commands/kernel/dmesg` before any syslog copy.
 */
const LAYOUT_RULES: Partial<Record<BundleLayout, NameRule[]>> = {
  sosreport: [
    { kind: 'dmesg', pattern: /^sos_commands\/kernel\/dmesg[^/]*$/ },
    { kind: 'dmesg', pattern: /^sos_commands\/logs\/journalctl_--no-pager_(?:--catalog_)?(?:--boot_?)?-k[^/]*$/ },
    { kind: 'dmesg', pattern: /^var\/log\/kern\.log$/ },
    { kind: 'dmesg', pattern: /^var\/log\/(syslog|messages)$/ },
    { kind: 'dmesg', pattern: /^sos_commands\/logs\/journalctl_--no-pager[^/]*$/ },
    { kind: 'uptime', pattern: /^proc\/uptime$/ },
    { kind: 'uname', pattern: /^sos_commands\/kernel\/uname_-a$/ },
    { kind: 'manifest', pattern: /^sos_reports\/manifest\.json$/ },
    { kind: 'hostname', pattern: /^(etc\/hostname|hostname)$/ },
  ],
};

/** Kinds of which only one file is read; thermal zones come one file per zone. */
const MULTI_KINDS = new Set<InputKind>(['thermal-type', 'thermal-temp']);
export const isMultiKind = (k: InputKind) => MULTI_KINDS.has(k);

export interface NameMatch {
  kind: InputKind;
  rank: number;
}

export function classifyByName(relPath: string, layout: BundleLayout = 'flat'): NameMatch | null {
  const p = relPath.toLowerCase();
  // sosreport's cut-short copies: `sos_strings/<plugin>/<path>.tailed`
  const q = p.replace(/\.tailed$/, '');
  const own = LAYOUT_RULES[layout] ?? [];
  for (let i = 0; i < own.length; i++) if (own[i]!.pattern.test(q)) return { kind: own[i]!.kind, rank: i };
  const exclusive = new Set(own.map((r) => r.kind));
  for (let i = 0; i < NAME_RULES.length; i++) {
    const r = NAME_RULES[i]!;
    if (!exclusive.has(r.kind) && r.pattern.test(q)) return { kind: r.kind, rank: own.length + i };
  }
  return null;
}

export function looksLikeInputByName(relPath: string): boolean {
  return classifyByName(relPath) !== null;
}

/**
 * Characters of an unrecognised file's head that content sniffing reads: a serial-console
 * capture may open with hundreds of bootloader lines before the kernel's first one.
 */
export const SNIFF_HEAD_CHARS = 64 * 1024;

/** Decides a kind from the first lines when the name said nothing. */
export function classifyByContent(head: string): InputKind | null {
  const lines = head.split('\n', 40).map((l) => l.replace(/\r$/, ''));
  return classifyHead(lines) ?? (looksLikeConsoleCapture(head) ? 'dmesg' : null);
}

/**
 * A terminal capture (putty, minicom, picocom, screen) whose kernel lines come after the
 * bootloader's: kernel-stamped lines further down the head, or the kernel's boot banner.
 */
function looksLikeConsoleCapture(head: string): boolean {
  const text = head.length > SNIFF_HEAD_CHARS ? head.slice(0, SNIFF_HEAD_CHARS) : head;
  if (/^(<\d>)?\[\s*\d+\.\d{6}\] (Booting Linux on physical CPU|Linux version \d)/m.test(text)) return true;
  const stamped = text.match(/^(<\d>)?\[\s*\d+\.\d{6}\] \S/gm);
  return (stamped?.length ?? 0) >= 5;
}

function classifyHead(lines: string[]): InputKind | null {
  const text = lines.join('\n');
  if (/^MemTotal:\s+\d+ kB/m.test(text)) return 'meminfo';
  if (/^Page block order:/m.test(text) || /^Free pages count per migrate type/m.test(text)) return 'pagetypeinfo';
  if (/^Node \d+, zone\s+\S+\s*$/m.test(text) && /^\s+(pages free|per-node stats)/m.test(text)) return 'zoneinfo';
  if (/^Node \d+, zone\s+\S+(\s+\d+){3,}\s*$/m.test(text)) return 'buddyinfo';
  if (/^# R\d+ \(release\), REVISION:/m.test(text)) return 'nv-tegra-release';
  if (/^nr_free_pages -?\d+$/m.test(text) && lines.filter((l) => /^[a-z][a-z0-9_]+ -?\d+$/.test(l)).length >= 10) return 'vmstat';
  if (/^\s*Dma-buf Objects:\s*$/m.test(text)) return 'dma-buf';
  if (/^\s*CLIENT\s+PROCESS\s+PID\s+SIZE\s*$/m.test(text)) return 'nvmap-clients';
  if (/^\S*iommu_groups\/\d+\/devices\/?:\s*$/m.test(text)) return 'iommu-groups';
  if (/^\S*thermal_zone\d+\/trip_point_\d+_temp:-?\d+$/m.test(text)) return 'thermal-trips';
  if (/\bRAM \d+\/\d+MB\b/.test(text)) return 'tegrastats';
  if (/^_{20,}\s*$/m.test(text) && /nvidia|information/i.test(text)) return 'nvidia-bug-report';
  const iomem = lines.filter((l) => /^\s*[0-9a-f]{4,16}-[0-9a-f]{4,16} : \S/.test(l)).length;
  if (iomem >= 2 && iomem >= lines.filter((l) => l.trim()).length / 2) return 'iomem';
  if (/^(<\d>)?\[\s*\d+\.\d{3,9}\] /m.test(text)) return 'dmesg';
  if (/^\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ kernel: /m.test(text)) return 'dmesg';
  if (/^(kern|user|daemon|syslog)\s*:\s*\w+\s*: /m.test(text)) return 'dmesg';
  // A syslog or journal capture without kernel lines in its head (e.g. nvargus-daemon's journal):
  // the kernel log reader keeps its user-space lines for the signatures that read them.
  const syslogLines = lines.filter((l) => /^\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ [\w.\-/@]+(\[\d+\])?: /.test(l)).length;
  if (syslogLines >= 2 && syslogLines >= lines.filter((l) => l.trim()).length / 2) return 'dmesg';
  if (/^Linux \S+ \d+\.\d+\.\d+\S* #\d+/m.test(text)) return 'uname';
  return null;
}

/** Section names inside nvidia-bug-report logs are command or file names; map them by name. */
export function classifySectionTitle(title: string): InputKind | null {
  const t = title.toLowerCase().trim();
  if (/dmesg|journalctl.*-k|kern\.log/.test(t)) return 'dmesg';
  const m = classifyByName(t.replace(/^.*?(\/?proc\/|\/etc\/|\/sys\/)/, (s) => s.replace(/^.*?\//, '')).replace(/\s.*$/, ''));
  if (m) return m.kind;
  if (/uname/.test(t)) return 'uname';
  if (/tegrastats/.test(t)) return 'tegrastats';
  return null;
}
