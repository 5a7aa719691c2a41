/** fleet.md: the fleet report for a ticket or a wiki page, verdict first. */
import { escapeMarkdown as esc } from '../report/escape.js';
import type { ResultDiff } from './diff.js';
import { figureText, plural, shortTime, signedFigure, TIMELINE_FIGURES } from './format.js';
import type { FleetIssue, FleetModel } from './model.js';
import { KEY_FIGURES } from './result.js';

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

function headline(m: FleetModel): string {
  const t = m.totals;
  const fresh = m.issues.filter((i) => i.isNew).length;
  const regressed = m.issues.filter((i) => i.regressedDevices.length).length;
  return `${plural(t.bundles, 'bundle')} from ${plural(t.devices, 'device')}: ${t.problems} with problems, ${t.healthy} healthy, ${t.inconclusive} inconclusive, ${t.failed} could not be read. ${plural(m.issues.length, 'issue')} (${fresh} new, ${regressed} regressed).`;
}

function issueLines(i: FleetIssue): string[] {
  const tags = [i.isNew ? '**NEW**' : '', i.regressedDevices.length ? '**REGRESSED**' : '', i.ack ? `*${i.ack.state}${i.ack.note ? `: ${esc(i.ack.note)}` : ''}*` : ''].filter(Boolean).join(' ');
  return [
    `### ${esc(i.title)} ${tags}`.trimEnd(),
    '',
    `Fingerprint ${code(i.fingerprint)}${i.catalogueIds.length ? ` · catalogue ${i.catalogueIds.map(code).join(', ')}` : ''}${i.ownIds.length ? ` · own ids (not in the catalogue) ${i.ownIds.map(code).join(', ')}` : ''}`,
    '',
    `- **${plural(i.devices, 'device')}**, ${plural(i.bundles, 'bundle')}; first seen ${shortTime(i.firstSeen)}, last seen ${shortTime(i.lastSeen)}`,
    `- by board: ${i.byBoard.map((b) => `${esc(b.key)} ${b.bundles}`).join(', ')}`,
    `- by release: ${i.byRelease.map((b) => `${esc(b.key)} ${b.bundles}`).join(', ')}`,
    ...(i.regressedDevices.length ? [`- came back after clearing on: ${i.regressedDevices.slice(0, 20).map((d) => `${esc(d.deviceId)} (${shortTime(d.backAt)})`).join(', ')}`] : []),
    `- example: ${esc(i.example)} (${code(i.examplePath)})`,
    '',
  ];
}

export function diffSummaryMd(d: ResultDiff): string {
  const parts: string[] = [];
  if (d.statusChanged) parts.push(`${d.old.status} → ${d.new.status}`);
  for (const f of d.appeared) parts.push(`+ ${esc(f.ruleId)}/${esc(f.messageId)} (${f.severity})`);
  for (const f of d.cleared) parts.push(`− ${esc(f.ruleId)}/${esc(f.messageId)}`);
  for (const c of d.changed) parts.push(`~ ${esc(c.after.ruleId)}/${esc(c.after.messageId)} ${c.before.severity !== c.after.severity ? `${c.before.severity}→${c.after.severity}` : 'reworded'}`);
  return parts.length ? parts.join('; ') : 'no change in findings';
}

export function renderFleetMarkdown(m: FleetModel): string {
  const out: string[] = ['# jetdiag fleet report', ''];
  out.push(`**${esc(headline(m))}**`, '');
  out.push(`Generated ${m.generatedAt}; rule set ${code(m.rulesetVersion)}; new = ${esc(m.newBaseline)}.`);
  if (m.run) out.push(`Last run #${m.run.id} (${m.run.state}): ${m.run.discovered} found, ${m.run.analysed} analysed, ${m.run.reused} unchanged, ${m.run.failed} failed.`);
  out.push('');
  out.push('## Issues', '');
  if (!m.issues.length) out.push('No issue in any bundle.', '');
  for (const i of m.issues) out.push(...issueLines(i));
  if (m.muted.length) {
    out.push('## Muted issues', '');
    for (const i of m.muted) out.push(`- ${esc(i.title)} ${code(i.fingerprint)}: ${plural(i.devices, 'device')}, ${plural(i.bundles, 'bundle')}${i.ack?.note ? ` — ${esc(i.ack.note)}` : ''}`);
    out.push('');
  }
  if (m.rules.length) {
    out.push('## Devices affected per rule', '', '| rule | worst | devices | bundles | findings | catalogue ids | own ids |', '|---|---|---|---|---|---|---|');
    for (const r of m.rules) out.push(`| ${code(r.ruleId)} | ${r.worst} | ${r.devices} | ${r.bundles} | ${r.findings} | ${r.catalogueIds.map(esc).join(', ')} | ${r.ownIds.map(esc).join(', ')} |`);
    out.push('');
  }
  if (m.cmaByBoard.length || m.uptimeAtFailure.length) out.push('## Distributions', '');
  if (m.cmaByBoard.length) {
    out.push('CmaTotal by board (MiB):', '', '| board | bundles | min | median | max |', '|---|---|---|---|---|');
    for (const c of m.cmaByBoard) out.push(`| ${esc(c.board)} | ${c.bundles} | ${c.min} | ${c.median} | ${c.max} |`);
    out.push('');
  }
  if (m.uptimeAtFailure.length) {
    out.push('Uptime when a bundle with problems was taken:', '', '| uptime | bundles |', '|---|---|');
    for (const u of m.uptimeAtFailure) out.push(`| ${u.bucket} | ${u.bundles} |`);
    out.push('');
  }
  out.push('## Devices', '');
  const figs = TIMELINE_FIGURES.map((k) => KEY_FIGURES.find((f) => f.key === k)!);
  for (const d of m.devices) {
    out.push(`### ${esc(d.deviceId)}`, '', `${esc(d.board ?? 'unknown board')}${d.l4t ? `, L4T ${esc(d.l4t)}` : ''}; ${plural(d.uploads, 'upload')}, ${d.problemUploads} with problems; last: ${d.lastStatus}`, '');
    out.push(`| time | status | cause | ${figs.map((f) => f.label).join(' | ')} | change from previous |`, `|${'---|'.repeat(figs.length + 4)}`);
    for (const u of d.timeline) {
      const cells = TIMELINE_FIGURES.map((k) => {
        const move = u.change?.figures.find((f) => f.key === k);
        return `${figureText(k, u.figures[k])}${move?.delta ? ` (${signedFigure(k, move.delta)})` : ''}`;
      });
      out.push(`| ${shortTime(u.at)} | ${u.status} | ${esc(u.topCause ?? u.error ?? '')} | ${cells.join(' | ')} | ${u.change ? diffSummaryMd(u.change) : 'first upload'} |`);
    }
    out.push('');
  }
  if (m.devicesNotShown) out.push(`${m.devicesNotShown} more devices are in fleet.csv.`, '');
  if (m.failures.length) {
    out.push('## Bundles that could not be analysed', '');
    for (const f of m.failures) out.push(`- ${code(f.path)}: ${esc(f.error)}`);
    out.push('');
  }
  return out.join('\n');
}
