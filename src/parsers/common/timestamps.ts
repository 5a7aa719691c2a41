/** Recognises the wall-clock lines periodic collectors write between captures. */
const TIMESTAMP_LINES = [
  // `date` output: Tue Jan 26 18:22:31 UTC 2021
  /^\s*(=+|#+|-+)?\s*\w{3} \w{3} [ \d]?\d \d\d:\d\d:\d\d( [A-Z]{2,5}| [+-]\d{4})? \d{4}\s*(=+|#+|-+)?\s*$/,
  // ISO 8601: 2026-11-24T10:00:00Z, 2026-11-24 10:00:00
  /^\s*(=+|#+|-+)?\s*\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?\s*(=+|#+|-+)?\s*$/,
  // epoch seconds alone on a line
  /^\s*\d{10}(\.\d+)?\s*$/,
  // tegrastats-style MM-DD-YYYY HH:MM:SS
  /^\s*\d\d-\d\d-\d{4} \d\d:\d\d:\d\d\s*$/,
];

export function looksLikeTimestampLine(line: string): boolean {
  return TIMESTAMP_LINES.some((re) => re.test(line));
}

/** Seconds since the epoch for such a line (UTC when it names no zone), or undefined. */
export function timestampSeconds(line: string): number | undefined {
  const t = line.trim().replace(/^[=#-]+\s*|\s*[=#-]+$/g, '');
  if (/^\d{10}(\.\d+)?$/.test(t)) return Number(t);
  const mdy = /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d):(\d\d)$/.exec(t);
  if (mdy) return Date.UTC(Number(mdy[3]), Number(mdy[1]) - 1, Number(mdy[2]), Number(mdy[4]), Number(mdy[5]), Number(mdy[6])) / 1000;
  const hasZone = /(Z|[+-]\d\d:?\d\d|\b[A-Z]{2,5})$|(\b[A-Z]{3,5}|[+-]\d{4}) \d{4}$/.test(t);
  // Without a zone, Date.parse reads the analyst's local time: say UTC explicitly.
  const ms = Date.parse(hasZone ? t : /^\d{4}-/.test(t) ? `${t.replace(' ', 'T')}Z` : `${t} UTC`);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}
