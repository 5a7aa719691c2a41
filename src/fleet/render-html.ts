/**
 * fleet.html: one self-contained page (no script, nothing fetched; every value from a
 * bundle escaped): the fleet verdict, issues with their reach, rules by devices affected,
 * distributions as plain bars, and each device's timeline with what changed per upload.
 */
import { escapeHtml, visibleControls } from '../report/escape.js';
import type { ResultDiff } from './diff.js';
import { figureText, plural, shortTime, signedFigure, TIMELINE_FIGURES } from './format.js';
import type { DeviceTimeline, FleetIssue, FleetModel } from './model.js';
import { KEY_FIGURES } from './result.js';

const h = (s: string | number | undefined) => escapeHtml(visibleControls(String(s ?? '')));

const CSS = `
:root{--bg:#fff;--fg:#1d2126;--muted:#5b6570;--line:#d9dee3;--card:#f6f8fa;--bad:#b42318;--warn:#b54708;--ok:#067647;--accent:#175cd3}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--fg:#e6e9ec;--muted:#9aa4ae;--line:#2c333a;--card:#1a1f25;--bad:#f97066;--warn:#fdb022;--ok:#47cd89;--accent:#84adff}}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:1200px;margin:0 auto;padding:24px}h1{font-size:1.5em;margin:0 0 8px}h2{margin:32px 0 12px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin:0 0 6px;font-size:1.1em}.verdict{font-size:1.15em;font-weight:600;margin:8px 0 16px}.muted{color:var(--muted)}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}
.stat b{display:block;font-size:1.4em}.issue{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:10px 0}
.tag{display:inline-block;font-size:.75em;font-weight:700;border-radius:4px;padding:1px 6px;margin-left:6px;vertical-align:middle}
.new{background:var(--accent);color:var(--bg)}.regressed{background:var(--bad);color:var(--bg)}.ack{border:1px solid var(--muted);color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:.92em}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;overflow-wrap:anywhere}
.s-problems,.s-failed{color:var(--bad);font-weight:600}.s-healthy{color:var(--ok)}.s-inconclusive{color:var(--warn)}
.bar{display:inline-block;height:10px;background:var(--accent);border-radius:2px;vertical-align:middle}
.up{color:var(--bad)}.down{color:var(--ok)}details{margin:8px 0}summary{cursor:pointer}
.chg{font-size:.88em}.chg .a{color:var(--bad)}.chg .c{color:var(--ok)}
@media print{details{display:block}body{font-size:12px}}
@media (max-width:700px){main{padding:12px}table{display:block;overflow-x:auto}}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}h2,h3{break-after:avoid}.issue,tr{break-inside:avoid}}
`;

function statusText(m: FleetModel): string {
  const t = m.totals;
  const fresh = m.issues.filter((i) => i.isNew).length;
  const regressed = m.issues.filter((i) => i.regressedDevices.length).length;
  if (!t.bundles) return 'No bundle in the store yet.';
  const worst = [...m.issues].sort((a, b) => b.devices - a.devices || b.bundles - a.bundles)[0];
  return `${plural(m.issues.length, 'issue')} across ${plural(t.devices, 'device')} (${fresh} new, ${regressed} regressed)${worst ? `; most widespread: ${worst.title} on ${plural(worst.devices, 'device')}` : ''}.`;
}

function breakdown(rows: { key: string; bundles: number }[], total: number): string {
  return rows
    .map((r) => `<tr><td>${h(r.key)}</td><td>${r.bundles}</td><td><span class="bar" style="width:${Math.max(2, Math.round((r.bundles / Math.max(1, total)) * 160))}px"></span></td></tr>`)
    .join('');
}

function issueCard(i: FleetIssue): string {
  const tags = [
    i.isNew ? '<span class="tag new">NEW</span>' : '',
    i.regressedDevices.length ? '<span class="tag regressed">REGRESSED</span>' : '',
    i.ack ? `<span class="tag ack">${h(i.ack.state)}</span>` : '',
  ].join('');
  return `<section class="issue" data-fingerprint="${h(i.fingerprint)}">
<h3>${h(i.title)}${tags}</h3>
<div><b>${plural(i.devices, 'device')}</b>, ${plural(i.bundles, 'bundle')} · first seen ${h(shortTime(i.firstSeen))} · last seen ${h(shortTime(i.lastSeen))}</div>
${i.ack?.note ? `<div class="muted">Note: ${h(i.ack.note)}</div>` : ''}
<div class="muted">fingerprint <code>${h(i.fingerprint)}</code>${i.catalogueIds.length ? ` · catalogue ${i.catalogueIds.map((c) => `<code>${h(c)}</code>`).join(', ')}` : ''}${i.ownIds.length ? ` · own ids (not in the catalogue) ${i.ownIds.map((c) => `<code>${h(c)}</code>`).join(', ')}` : ''}</div>
<div>Example: ${h(i.example)} <span class="muted">(<code>${h(i.examplePath)}</code>)</span></div>
${i.regressedDevices.length ? `<div>Came back after clearing on ${i.regressedDevices.slice(0, 20).map((d) => `${h(d.deviceId)} (${h(shortTime(d.backAt))})`).join(', ')}</div>` : ''}
<details><summary>By board and release</summary>
<table><tr><th>board</th><th>bundles</th><th></th></tr>${breakdown(i.byBoard, i.bundles)}</table>
<table><tr><th>release</th><th>bundles</th><th></th></tr>${breakdown(i.byRelease, i.bundles)}</table></details>
</section>`;
}

export function diffHtml(d: ResultDiff): string {
  const parts: string[] = [];
  if (d.statusChanged) parts.push(`<span>${h(d.old.status)} → ${h(d.new.status)}</span>`);
  for (const f of d.appeared) parts.push(`<span class="a">+ ${h(f.ruleId)}/${h(f.messageId)} (${h(f.severity)})</span>`);
  for (const f of d.cleared) parts.push(`<span class="c">− ${h(f.ruleId)}/${h(f.messageId)}</span>`);
  for (const c of d.changed) parts.push(`<span>~ ${h(c.after.ruleId)}/${h(c.after.messageId)} ${h(c.before.severity)}→${h(c.after.severity)}</span>`);
  return `<div class="chg">${parts.length ? parts.join('<br>') : '<span class="muted">no change in findings</span>'}</div>`;
}

function timeline(d: DeviceTimeline): string {
  const figs = TIMELINE_FIGURES.map((k) => KEY_FIGURES.find((f) => f.key === k)!);
  const rows = d.timeline
    .map((u) => {
      const cells = TIMELINE_FIGURES.map((k) => {
        const move = u.change?.figures.find((f) => f.key === k);
        const delta = move?.delta ? ` <span class="${move.delta > 0 === (k === 'peakTempC' || k === 'leakSlopeMBPerHour') ? 'up' : 'down'}">${h(signedFigure(k, move.delta))}</span>` : '';
        return `<td>${h(figureText(k, u.figures[k]))}${delta}</td>`;
      });
      return `<tr><td>${h(shortTime(u.at))}</td><td class="s-${h(u.status)}">${h(u.status)}</td><td>${h(u.topCause ?? u.error ?? '')}</td>${cells.join('')}<td>${u.change ? diffHtml(u.change) : '<span class="muted">first upload</span>'}</td></tr>`;
    })
    .join('\n');
  return `<details class="device" data-device="${h(d.deviceId)}"${d.problemUploads ? ' open' : ''}><summary><b>${h(d.deviceId)}</b> · ${h(d.board ?? 'unknown board')}${d.l4t ? ` · L4T ${h(d.l4t)}` : ''} · ${plural(d.uploads, 'upload')}, ${d.problemUploads} with problems · last <span class="s-${h(d.lastStatus)}">${h(d.lastStatus)}</span></summary>
<table><tr><th>time</th><th>status</th><th>cause</th>${figs.map((f) => `<th>${h(f.label)}</th>`).join('')}<th>change from previous upload</th></tr>
${rows}</table></details>`;
}

export function renderFleetHtml(m: FleetModel): string {
  const t = m.totals;
  const maxUp = Math.max(1, ...m.uptimeAtFailure.map((u) => u.bundles));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>jetdiag fleet report</title><style>${CSS}</style></head>
<body><main>
<h1>jetdiag fleet report</h1>
<p class="verdict" id="verdict">${h(statusText(m))}</p>
<div class="stats">
<div class="stat"><b>${t.bundles}</b>bundles</div><div class="stat"><b>${t.devices}</b>devices</div>
<div class="stat"><b class="s-problems">${t.problems}</b>with problems</div><div class="stat"><b class="s-healthy">${t.healthy}</b>healthy</div>
<div class="stat"><b class="s-inconclusive">${t.inconclusive}</b>inconclusive</div><div class="stat"><b class="s-failed">${t.failed}</b>could not be read</div>
</div>
<p class="muted">Uploads from ${h(shortTime(t.firstUpload))} to ${h(shortTime(t.lastUpload))}. New means ${h(m.newBaseline)}. Rule set <code>${h(m.rulesetVersion)}</code>.${m.run ? ` Last run #${m.run.id} (${h(m.run.state)}): ${m.run.discovered} found, ${m.run.analysed} analysed, ${m.run.reused} unchanged, ${m.run.failed} failed.` : ''} Generated ${h(m.generatedAt)}.</p>
<h2 id="issues">Issues</h2>
${m.issues.length ? m.issues.map(issueCard).join('\n') : '<p>No issue in any bundle.</p>'}
${m.muted.length ? `<details><summary>${plural(m.muted.length, 'muted issue')}</summary>${m.muted.map(issueCard).join('\n')}</details>` : ''}
${m.rules.length ? `<h2 id="rules">Devices affected per rule</h2><table><tr><th>rule</th><th>worst</th><th>devices</th><th>bundles</th><th>findings</th><th>catalogue ids</th><th>own ids</th></tr>
${m.rules.map((r) => `<tr><td><code>${h(r.ruleId)}</code></td><td>${h(r.worst)}</td><td>${r.devices}</td><td>${r.bundles}</td><td>${r.findings}</td><td>${r.catalogueIds.map((c) => `<code>${h(c)}</code>`).join(' ')}</td><td>${r.ownIds.map((c) => `<code>${h(c)}</code>`).join(' ')}</td></tr>`).join('\n')}</table>` : ''}
${m.cmaByBoard.length || m.uptimeAtFailure.length ? '<h2 id="distributions">Distributions</h2>' : ''}
${m.cmaByBoard.length ? `<h3>CmaTotal by board (MiB)</h3><table><tr><th>board</th><th>bundles</th><th>min</th><th>median</th><th>max</th></tr>${m.cmaByBoard.map((c) => `<tr><td>${h(c.board)}</td><td>${c.bundles}</td><td>${c.min}</td><td>${c.median}</td><td>${c.max}</td></tr>`).join('')}</table>` : ''}
${m.uptimeAtFailure.length ? `<h3>Uptime when a bundle with problems was taken</h3><table><tr><th>uptime</th><th>bundles</th><th></th></tr>${m.uptimeAtFailure.map((u) => `<tr><td>${h(u.bucket)}</td><td>${u.bundles}</td><td><span class="bar" style="width:${Math.max(2, Math.round((u.bundles / maxUp) * 240))}px"></span></td></tr>`).join('')}</table>` : ''}
<h2 id="devices">Devices</h2>
${m.devices.map(timeline).join('\n')}
${m.devicesNotShown ? `<p class="muted">${m.devicesNotShown} more devices are in fleet.csv.</p>` : ''}
${m.failures.length ? `<h2 id="failures">Bundles that could not be analysed</h2><table><tr><th>bundle</th><th>error</th></tr>${m.failures.map((f) => `<tr><td><code>${h(f.path)}</code></td><td>${h(f.error)}</td></tr>`).join('')}</table>` : ''}
</main></body></html>
`;
}
