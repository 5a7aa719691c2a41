/** `jetdiag diff` in the report formats: text (terminal), md, html, json. */
// @ts-nocheck

import { escapeHtml, escapeMarkdown, visibleControls } from '../report/escape.js';
import type { ResultDiff } from './diff.js';
import { figureText, shortTime, signedFigure } from './format.js';

export const DIFF_FORMATS = ['text', 'md', 'html', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const DIFF_EXTENSIONS: Record<DiffFormat, string> = { text: 'txt', md: 'md', html: 'html', json: 'json' };

function verdictLine(d: ResultDiff): string {
  if (d.same) return 'No finding appeared, cleared or changed.';
  const parts = [
    d.statusChanged ? `status ${d.old.status} → ${d.new.status}` : `status still ${d.new.status}`,
    `${d.appeared.length} appeared`,
    `${d.cleared.length} cleared`,
    `${d.changed.length} changed`,
  ];
  return parts.join(', ') + '.';
}

function figureRows(d: ResultDiff): [string, string, string, string][] {
  return d.figures.map((f) => [f.label, figureText(f.key, f.before), figureText(f.key, f.after), f.delta !== undefined ? signedFigure(f.key, f.delta) : '']);
}

export function renderDiffText(d: ResultDiff): string {
  const v = visibleControls;
  const out = [`jetdiag diff: ${verdictLine(d)}`, '', `old: ${v(d.old.path)} (${v(d.old.deviceId)}, ${shortTime(d.old.capturedAt)}): ${d.old.status}`, `new: ${v(d.new.path)} (${v(d.new.deviceId)}, ${shortTime(d.new.capturedAt)}): ${d.new.status}`, ''];
  for (const f of d.appeared) out.push(`+ appeared  [${f.severity}] ${f.ruleId}: ${v(f.verdict)}`);
  for (const f of d.cleared) out.push(`- cleared   [${f.severity}] ${f.ruleId}: ${v(f.verdict)}`);
  for (const c of d.changed) out.push(`~ changed   [${c.before.severity} → ${c.after.severity}] ${c.after.ruleId}: ${v(c.after.verdict)}`);
  if (d.figures.length) {
    out.push('', 'key figures:');
    for (const [label, a, b, delta] of figureRows(d)) out.push(`  ${label.padEnd(20)} ${a.padStart(12)} → ${b.padEnd(12)} ${delta}`);
  }
  return out.join('\n') + '\n';
}

export function renderDiffMarkdown(d: ResultDiff): string {
  const e = escapeMarkdown;
  const out = ['# jetdiag diff', '', `**${verdictLine(d)}**`, '', `- old: \`${e(d.old.path)}\` (${e(d.old.deviceId)}, ${shortTime(d.old.capturedAt)}): ${d.old.status} — ${e(d.old.headline)}`, `- new: \`${e(d.new.path)}\` (${e(d.new.deviceId)}, ${shortTime(d.new.capturedAt)}): ${d.new.status} — ${e(d.new.headline)}`, ''];
  const section = (title: string, rows: string[]) => rows.length && out.push(`## ${title}`, '', ...rows, '');
  section('Appeared', d.appeared.map((f) => `- **${f.severity}** \`${f.ruleId}\`: ${e(f.verdict)}`));
  section('Cleared', d.cleared.map((f) => `- ~~${f.severity}~~ \`${f.ruleId}\`: ${e(f.verdict)}`));
  section('Changed', d.changed.map((c) => `- \`${c.after.ruleId}\` ${c.before.severity} → ${c.after.severity}: ${e(c.after.verdict)}`));
  if (d.figures.length) out.push('## Key figures', '', '| figure | old | new | change |', '|---|---|---|---|', ...figureRows(d).map((r) => `| ${r.join(' | ')} |`), '');
  return out.join('\n');
}

export function renderDiffHtml(d: ResultDiff): string {
  const h = (s: string | undefined) => escapeHtml(visibleControls(s ?? ''));
  const list = (cls: string, title: string, items: string[]) => (items.length ? `<h2>${title}</h2><ul class="${cls}">${items.join('')}</ul>` : '');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>jetdiag diff</title><style>
body{font:15px/1.45 system-ui,sans-serif;max-width:1000px;margin:0 auto;padding:24px;color:#1d2126;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e9ec;background:#111418}}
.verdict{font-size:1.15em;font-weight:600}.appeared li{color:#b42318}.cleared li{color:#067647}
table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #8884;text-align:left}code{overflow-wrap:anywhere}</style></head>
<body><h1>jetdiag diff</h1><p class="verdict" id="verdict">${h(verdictLine(d))}</p>
<p>old: <code>${h(d.old.path)}</code> (${h(d.old.deviceId)}, ${h(shortTime(d.old.capturedAt))}): <b>${h(d.old.status)}</b> — ${h(d.old.headline)}<br>
new: <code>${h(d.new.path)}</code> (${h(d.new.deviceId)}, ${h(shortTime(d.new.capturedAt))}): <b>${h(d.new.status)}</b> — ${h(d.new.headline)}</p>
${list('appeared', 'Appeared', d.appeared.map((f) => `<li><b>${h(f.severity)}</b> <code>${h(f.ruleId)}</code>: ${h(f.verdict)}</li>`))}
${list('cleared', 'Cleared', d.cleared.map((f) => `<li>${h(f.severity)} <code>${h(f.ruleId)}</code>: ${h(f.verdict)}</li>`))}
${list('changed', 'Changed', d.changed.map((c) => `<li><code>${h(c.after.ruleId)}</code> ${h(c.before.severity)} → ${h(c.after.severity)}: ${h(c.after.verdict)}</li>`))}
${d.figures.length ? `<h2>Key figures</h2><table><tr><th>figure</th><th>old</th><th>new</th><th>change</th></tr>${figureRows(d).map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('')}</table>` : ''}
</body></html>
`;
}

export function renderDiff(d: ResultDiff, format: DiffFormat): string {
  if (format === 'md') return renderDiffMarkdown(d);
  if (format === 'html') return renderDiffHtml(d);
  if (format === 'json') return JSON.stringify(d, null, 2) + '\n';
  return renderDiffText(d);
}
