/** Wall-clock stamps as seconds, shared by the parsers and the rules. */
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/**
 * Wall-clock stamps (`dmesg -T`, syslog without a year, journal ISO) as seconds, so events of
 * a log without monotonic stamps can still be related to each other.
 */
export function wallSeconds(w: string | undefined): number | undefined {
  if (!w) return undefined;
  // A zone-less ISO stamp is the device's clock: read it as UTC, never as the analyst's zone.
  const t = w.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const iso = Date.parse(/(?:Z|[+-]\d\d:\d\d)$/.test(t) || !/T\d\d:\d\d/.test(t) ? t : `${t}Z`);
  if (/^\d{4}-/.test(w) && Number.isFinite(iso)) return iso / 1000;
  const m = /(?:\w{3} )?(\w{3}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?: (\d{4}))?/.exec(w);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!) / 3;
  if (month < 0 || !Number.isInteger(month)) return undefined;
  const year = m[7] ? Number(m[7]) : 2000; // syslog omits the year: only differences matter
  return Date.UTC(year, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) / 1000 + (m[6] ? Number(`0.${m[6]}`) : 0);
}
