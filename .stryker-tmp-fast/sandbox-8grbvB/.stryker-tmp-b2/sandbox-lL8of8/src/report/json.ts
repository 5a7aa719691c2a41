/**
 * JSON output. Typed-array columns become plain arrays with null for missing samples, so
 * the snapshot reads naturally in jq and validates against schema/snapshot.schema.json.
 */
// @ts-nocheck

// 

export function toJsonValue(_key: string, value: unknown): unknown {
  if (value instanceof Float64Array || value instanceof Float32Array) {
    return Array.from(value, (v) => (Number.isFinite(v) ? v : null));
  }
  if (value instanceof Uint32Array || value instanceof Int32Array) return Array.from(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function stringifyJson(value: unknown, pretty = true): string {
  return JSON.stringify(value, toJsonValue, pretty ? 2 : undefined);
}
