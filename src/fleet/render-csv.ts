/**
 * fleet.csv: one row per bundle path, the path exactly as given first, then device, time,
 * board, release, status, key figures, catalogue ids, own signature ids (jetdiag's own packs'
 * or a user's, not in the catalogue) and error (RFC 4180 quoting).
 * A cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '.
 */
import { splitSignatureIds } from './model.js';
import type { Row } from './store.js';

export const CSV_COLUMNS = [
  'path', 'device', 'captured_at', 'board', 'l4t', 'status',
  'mem_available_mib', 'cma_free_mib', 'cma_total_mib', 'largest_free_block_mib', 'peak_temp_c', 'leak_slope_mb_per_h', 'uptime_s',
  'top_cause', 'catalogue_ids', 'own_signature_ids', 'error',
] as const;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = Array.isArray(v) ? v.join(' ') : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n';
}

export function csvRow(r: Row): string {
  const { catalogueIds, ownIds } = splitSignatureIds((r.catalogue_ids as string[] | null) ?? []);
  return [
    r.path, r.device_id, r.captured_at, r.board, r.l4t, r.status,
    r.mem_available_mib, r.cma_free_mib, r.cma_total_mib, r.largest_free_block_mib, r.peak_temp_c, r.leak_slope_mb_per_h, r.uptime_s,
    r.top_cause, catalogueIds, ownIds, r.error,
  ].map(cell).join(',') + '\n';
}
