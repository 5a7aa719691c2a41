/** Fills `{{name}}` placeholders; a missing value is an error so no message ships half-filled. */
// @ts-nocheck

export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`placeholder {{${name}}} has no value`);
    return String(data[name]);
  });
}

export const MiB = 1024 * 1024;
/** Base page size of every stock L4T kernel (jetson-reference §5.3). */
export const PAGE_BYTES = 4096;
export const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;
export const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
