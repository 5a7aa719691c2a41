import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFleetReports } from '../../src/fleet/reports.js';
import { open } from '../../src/fleet/store.js';
import type { FleetModel } from '../../src/fleet/model.js';
import { batch, tempDir, upload } from '../helpers/fleet.js';
import { realLog } from '../helpers/fixtures.js';

/**
 * A small fleet with a history: orin-1 healthy, then leaking, then healthy, then leaking
 * again (a regression); orin-2 leaking once; cam-3 added in a second run with a new issue.
 */
describe('fleet report content', () => {
  let up: string;
  let out: string;
  let first: FleetModel;
  let second: FleetModel;

  beforeAll(async () => {
    up = tempDir();
    out = tempDir();
    upload(up, 'orin-1-d1', 'orin-nano-healthy', 'orin-1', '2026-11-01T08:00:00Z');
    upload(up, 'orin-1-d2', 'orin-nano-leak-oom', 'orin-1', '2026-11-02T08:00:00Z');
    upload(up, 'orin-1-d3', 'orin-nano-healthy', 'orin-1', '2026-11-03T08:00:00Z');
    upload(up, 'orin-1-d4', 'orin-nano-leak-oom', 'orin-1', '2026-11-04T08:00:00Z');
    upload(up, 'orin-2-d2', 'orin-nano-leak-oom', 'orin-2', '2026-11-02T09:00:00Z');
    await batch([up], out);
    let store = await open(out);
    first = (await writeFleetReports(store, out, { formats: ['md', 'csv'] })).model;
    await store.close();
    upload(up, 'cam-3-d5', 'orin-nano-thermal-throttling', 'cam-3', '2026-11-05T08:00:00Z');
    await batch([up], out);
    store = await open(out);
    second = (await writeFleetReports(store, out)).model;
    await store.close();
  }, 300_000);

  it('counts bundles, devices and verdicts', () => {
    expect(first.totals).toMatchObject({ bundles: 5, devices: 2, problems: 3, healthy: 2, failed: 0 });
    expect(second.totals).toMatchObject({ bundles: 6, devices: 3, problems: 4, healthy: 2 });
  });

  it('groups an issue across devices with first and last seen and per board/release counts', () => {
    const leak = second.issues.find((i) => i.causeId === 'leak-to-oom')!;
    expect(leak).toBeDefined();
    expect(leak.title).toBe('Memory leak in a long-running process');
    expect(leak.devices).toBe(2);
    expect(leak.bundles).toBe(3);
    expect(leak.firstSeen).toBe('2026-11-02T08:00:00.000Z');
    expect(leak.lastSeen).toBe('2026-11-04T08:00:00.000Z');
    expect(leak.byBoard).toEqual([{ key: 'Jetson Orin Nano 8GB', bundles: 3, devices: 2 }]);
    expect(leak.byRelease).toEqual([{ key: 'L4T 36.4.3', bundles: 3, devices: 2 }]);
    expect(leak.fingerprint.startsWith('leak-to-oom:')).toBe(true);
    expect(leak.catalogueIds.length).toBeGreaterThan(0);
  });

  it('marks as new only what the previous run did not have; the first run has nothing to compare with', () => {
    expect(first.issues.every((i) => !i.isNew)).toBe(true);
    expect(first.newBaseline).toBe('no previous run to compare with');
    const fresh = second.issues.filter((i) => i.isNew);
    expect(fresh.map((i) => i.causeId)).toEqual(['thermal-throttling']);
    expect(second.issues[0]!.causeId).toBe('thermal-throttling');
  });

  it('flags the issue that cleared on a device and came back as regressed, naming the device', () => {
    const leak = second.issues.find((i) => i.causeId === 'leak-to-oom')!;
    expect(leak.regressedDevices).toEqual([{ deviceId: 'orin-1', backAt: '2026-11-04T08:00:00.000Z' }]);
    const thermal = second.issues.find((i) => i.causeId === 'thermal-throttling')!;
    expect(thermal.regressedDevices).toEqual([]);
  });

  it('keeps each device history in time order with the changes between uploads', () => {
    const d = second.devices.find((x) => x.deviceId === 'orin-1')!;
    expect(d.timeline.map((u) => u.status)).toEqual(['healthy', 'problems', 'healthy', 'problems']);
    expect(d.timeline[0]!.change).toBeUndefined();
    const toLeak = d.timeline[1]!.change!;
    expect(toLeak.statusChanged).toBe(true);
    expect(toLeak.appeared.map((f) => f.ruleId)).toContain('oom-kills');
    expect(toLeak.figures.find((f) => f.key === 'memAvailableMiB')).toMatchObject({ before: 4689.6, after: 243 });
    const back = d.timeline[2]!.change!;
    expect(back.cleared.map((f) => f.ruleId)).toContain('oom-kills');
    expect(back.appeared).toEqual([]);
    expect(d.timeline[3]!.figures.leakSlopeMBPerHour).toBeGreaterThan(300);
    // Devices with problems come first.
    expect(second.devices[0]!.deviceId).toBe('orin-1');
  });

  it('--since redefines new as first seen at or after the date', async () => {
    const store = await open(out);
    const m = (await writeFleetReports(store, out, { formats: [], since: new Date('2026-11-03T00:00:00Z') })).model;
    await store.close();
    expect(m.issues.filter((i) => i.isNew).map((i) => i.causeId)).toEqual(['thermal-throttling']);
    const store2 = await open(out);
    const m2 = (await writeFleetReports(store2, out, { formats: [], since: new Date('2026-11-01T00:00:00Z') })).model;
    await store2.close();
    expect(m2.issues.filter((i) => i.isNew).length).toBe(m2.issues.length);
  });

  it('writes fleet.csv with one row per bundle path, the path first, and fleet.md with the issues', () => {
    const csv = readFileSync(path.join(out, 'fleet.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('path,device,captured_at,board,l4t,status,mem_available_mib,cma_free_mib,cma_total_mib,largest_free_block_mib,peak_temp_c,leak_slope_mb_per_h,uptime_s,top_cause,catalogue_ids,own_signature_ids,error');
    expect(csv).toHaveLength(7);
    const row = csv.find((l) => l.startsWith(path.join(up, 'orin-1-d2') + ','))!.split(',');
    expect(row.slice(1, 6)).toEqual(['orin-1', '2026-11-02T08:00:00.000Z', 'Jetson Orin Nano 8GB', '36.4.3', 'problems']);
    expect(row[6]).toBe('243');
    expect(row[13]).toBe('leak-to-oom');
    expect(row[14]).toMatch(/oom-kill-victim/);
    const md = readFileSync(path.join(out, 'fleet.md'), 'utf8');
    expect(md).toMatch(/6 bundles from 3 devices: 4 with problems, 2 healthy/);
    expect(md).toMatch(/### Thermal throttling behind slow inference \*\*NEW\*\*/);
    expect(md).toMatch(/### Memory leak in a long-running process \*\*REGRESSED\*\*/);
    expect(md).toMatch(/came back after clearing on: orin-1 \(2026-11-04 08:00\)/);
  });

  it('exports the tables as Parquet that DuckDB reads back', async () => {
    const store = await open(out);
    const [row] = await store.query(`SELECT count(*) AS n FROM read_parquet('${path.join(out, 'parquet', 'bundles.parquet')}')`);
    const [f] = await store.query(`SELECT count(*) AS n FROM read_parquet('${path.join(out, 'parquet', 'findings.parquet')}')`);
    const [g] = await store.query('SELECT count(*) AS n FROM findings');
    await store.close();
    expect(row!.n).toBe(6);
    expect(f!.n).toBe(g!.n);
  });

  it('honours the acknowledgement file: muted issues move apart and are never new, acknowledged ones carry the note', async () => {
    const thermal = second.issues.find((i) => i.causeId === 'thermal-throttling')!;
    const leak = second.issues.find((i) => i.causeId === 'leak-to-oom')!;
    writeFileSync(
      path.join(out, 'acknowledgements.json'),
      JSON.stringify({ [thermal.fingerprint]: { state: 'muted', note: 'lab unit in an oven' }, [leak.fingerprint]: { state: 'acknowledged', note: 'JIRA-123' } }),
    );
    const store = await open(out);
    try {
      const m = (await writeFleetReports(store, out, { formats: ['md'] })).model;
      expect(m.muted.map((i) => i.fingerprint)).toEqual([thermal.fingerprint]);
      expect(m.muted[0]!.isNew).toBe(false);
      expect(m.issues.find((i) => i.fingerprint === thermal.fingerprint)).toBeUndefined();
      expect(m.issues.find((i) => i.fingerprint === leak.fingerprint)!.ack).toEqual({ state: 'acknowledged', note: 'JIRA-123' });
      expect(readFileSync(path.join(out, 'fleet.md'), 'utf8')).toMatch(/## Muted issues\n\n- Thermal throttling behind slow inference .*lab unit in an oven/);
      writeFileSync(path.join(out, 'acknowledgements.json'), JSON.stringify({ x: { state: 'ignored' } }));
      await expect(writeFleetReports(store, out, { formats: [] })).rejects.toThrow(/acknowledgements\.json: "x": expected "state": "acknowledged" or "muted"/);
    } finally {
      rmSync(path.join(out, 'acknowledgements.json'));
      await store.close();
    }
  });
});

/**
 * Own signature ids (rules/l4t-services.json marks them "catalogue": false) are listed apart
 * from catalogue ids, as `jetdiag rules` does. Real journal lines: OE4T/meta-tegra#1864
 * (test/rules/data/journal-meta-tegra-1864-nvpmodel.log, its header says where they came from).
 */
describe('fleet reports: own signature ids apart from catalogue ids', () => {
  it('fleet.csv, fleet.md and the model put nvpmodel-set-failed under own ids, oom ids under catalogue ids', async () => {
    const up = tempDir();
    const out = tempDir();
    const orin = upload(up, 'agx-1-d1', 'orin-nano-healthy', 'agx-1', '2026-11-01T08:00:00Z');
    writeFileSync(path.join(orin, 'journal.txt'), realLog('journal-meta-tegra-1864-nvpmodel.log'));
    upload(up, 'orin-2-d1', 'orin-nano-leak-oom', 'orin-2', '2026-11-01T09:00:00Z');
    await batch([up], out);
    const store = await open(out);
    const m = (await writeFleetReports(store, out, { formats: ['md', 'csv', 'html'] })).model;
    await store.close();
    expect(m.rules.find((r) => r.ruleId === 'nvpmodel-set-failed')).toMatchObject({ catalogueIds: [], ownIds: ['nvpmodel-set-failed'] });
    const oom = m.rules.find((r) => r.ruleId === 'oom-kills')!;
    expect(oom.ownIds).toEqual([]);
    expect(oom.catalogueIds).toContain('oom-kill-victim');
    const csv = readFileSync(path.join(out, 'fleet.csv'), 'utf8').trim().split('\n');
    const cols = csv[0]!.split(',');
    const row = csv.find((l) => l.startsWith(orin + ','))!.split(',');
    expect(row[cols.indexOf('own_signature_ids')]!.split(' ').sort()).toEqual(['l4t-service-failed', 'nvpmodel-set-failed']);
    expect(row[cols.indexOf('catalogue_ids')]).not.toMatch(/nvpmodel|l4t-service/);
    const md = readFileSync(path.join(out, 'fleet.md'), 'utf8');
    expect(md).toMatch(/\| `nvpmodel-set-failed` \| \w+ \| 1 \| 1 \| 1 \|  \| nvpmodel-set-failed \|/);
    expect(readFileSync(path.join(out, 'fleet.html'), 'utf8')).toContain('<th>catalogue ids</th><th>own ids</th>');
  }, 120_000);
});
