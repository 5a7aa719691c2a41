/**
 * Groups the lines of OOM reports into kills and kills into episodes, for every shape real
 * logs show: 4.9's two victim lines (`Kill process … or sacrifice child` then `Killed process`,
 * possibly naming a child), the one-line victim of newer kernels, memory-cgroup kills, and
 * excerpts holding only the header, only the victim, or only the task table.
 */
// @ts-nocheck

import type { ShowMemReport } from '../../snapshot/types.js';
import type { SignatureHit, SignatureIndex } from '../signatures/match.js';

export interface OomKill {
  invoked?: SignatureHit;
  selection?: SignatureHit;
  victim?: SignatureHit;
  summary?: SignatureHit;
  reaper?: SignatureHit;
  rows: SignatureHit[];
  tableHeader?: SignatureHit;
  memory?: ShowMemReport;
  /** The first and last record of the kill's lines. */
  first: number;
  last: number;
  boot: number;
  t?: number;
}

export interface OomEpisode {
  kills: OomKill[];
}

/** Kills further apart than this (or across a reboot) are separate episodes. */
export const EPISODE_GAP_SECONDS = 60;

const hitsOf = (kill: OomKill): SignatureHit[] =>
  [kill.invoked, kill.selection, kill.summary, kill.tableHeader, ...kill.rows, kill.victim, kill.reaper].filter((h): h is SignatureHit => !!h);

export function killHits(kill: OomKill): SignatureHit[] {
  return hitsOf(kill).sort((a, b) => a.record - b.record);
}

export function groupOomKills(idx: SignatureIndex, memory: ShowMemReport[] = []): OomKill[] {
  const lines = [
    ...idx.events('oom-invoked'),
    ...idx.hits('oom-kill-victim'),
    ...idx.events('oom-kill-summary'),
    ...idx.hits('oom-task-table'),
    ...idx.events('oom-reaper'),
  ].sort((a, b) => a.record - b.record);
  const kills: OomKill[] = [];
  let cur: OomKill | null = null;
  const open = (h: SignatureHit): OomKill => {
    cur = { rows: [], first: h.record, last: h.record, boot: h.boot, t: h.t };
    kills.push(cur);
    return cur;
  };
  // A line joins the current kill if it is of the same boot, close by, and that kill does
  // not already have what this line is.
  const near = (k: OomKill, h: SignatureHit) =>
    k.boot === h.boot && (k.t === undefined || h.t === undefined ? h.record - k.last <= 400 : h.t - k.t <= 30);
  for (const h of lines) {
    let k: OomKill | null = cur;
    if (k && !near(k, h)) k = null;
    switch (h.signatureId) {
      case 'oom-invoked':
        k = open(h);
        k.invoked = h;
        break;
      case 'oom-kill-victim':
        if (h.role === 'selection') {
          if (!k || k.selection || k.victim) k = open(h);
          k.selection = h;
        } else {
          if (!k || k.victim) k = open(h);
          k.victim = h;
        }
        break;
      case 'oom-kill-summary':
        if (!k || k.summary || k.victim) k = open(h);
        k.summary = h;
        break;
      case 'oom-task-table':
        if (h.role === 'header') {
          if (!k || k.tableHeader || k.victim) k = open(h);
          k.tableHeader = h;
        } else {
          if (!k || k.victim) k = open(h);
          k.rows.push(h);
        }
        break;
      case 'oom-reaper':
        // The reaper line comes after its victim; alone it is an excerpt of its own.
        if (!k || k.reaper) k = open(h);
        k.reaper = h;
        break;
    }
    if (!k) continue;
    k.last = h.record;
    k.t ??= h.t;
    cur = k;
  }
  for (const k of kills) {
    k.memory = memory.find((m) => (k.invoked && m.headRecord === k.invoked.record) || (m.boot === k.boot && m.record >= k.first && m.record <= k.last));
  }
  return kills;
}

/** Consecutive kills of one boot within EPISODE_GAP_SECONDS form one episode. */
export function groupEpisodes(kills: OomKill[]): OomEpisode[] {
  const episodes: OomEpisode[] = [];
  for (const k of kills) {
    const prev = episodes.at(-1)?.kills.at(-1);
    const together = prev && prev.boot === k.boot && (prev.t === undefined || k.t === undefined ? k.first - prev.last <= 400 : k.t - prev.t <= EPISODE_GAP_SECONDS);
    if (together) episodes.at(-1)!.kills.push(k);
    else episodes.push({ kills: [k] });
  }
  return episodes;
}

/** GFP masks that may be served from CMA pageblocks: movable requests only. */
export function gfpMovable(flags: string | undefined, mask: string | undefined): boolean | undefined {
  if (flags) return /MOVABLE/.test(flags);
  if (mask) return (parseInt(mask, 16) & 0x08) !== 0; // ___GFP_MOVABLE
  return undefined;
}
