/**
 * The one word a report leads with. `problems`: a finding at warning or above (the
 * completeness warning still stands above the findings). `healthy`: nothing found and the
 * bundle complete. `inconclusive`: nothing found in a bundle that was damaged, cut or missing
 * a core input, so "nothing found" says little.
 */
// @ts-nocheck

import type { Finding } from '../rules/types.js';
import type { Completeness } from './completeness.js';

export const REPORT_STATUSES = ['problems', 'healthy', 'inconclusive'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export function decideStatus(findings: Pick<Finding, 'severity'>[], completeness: Completeness): ReportStatus {
  if (findings.some((f) => f.severity !== 'info')) return 'problems';
  return completeness.complete ? 'healthy' : 'inconclusive';
}
