import { describe, expect, it } from 'vitest';
import { mapObjects, objectArray } from '../../src/util/object-array.js';

describe('objectArray', () => {
  it('gives a new empty array each time, never sharing elements', () => {
    const a = objectArray<{ n: number }>();
    const b = objectArray<{ n: number }>();
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
    a.push({ n: 1 }, { n: 2 });
    expect(a).toEqual([{ n: 1 }, { n: 2 }]);
    expect(b).toEqual([]);
    expect(objectArray()).toEqual([]);
    expect(Array.isArray(a)).toBe(true);
    expect(JSON.stringify(a)).toBe('[{"n":1},{"n":2}]');
  });
});

describe('mapObjects', () => {
  it('is list.map for objects, with the index', () => {
    const list = ['a', 'bb', 'ccc'];
    expect(mapObjects(list, (s, i) => ({ s, len: s.length, i }))).toEqual(list.map((s, i) => ({ s, len: s.length, i })));
    expect(mapObjects([], () => ({}))).toEqual([]);
    const sets = mapObjects([1, 2], () => new Set<string>());
    expect(sets[0]).not.toBe(sets[1]);
  });
});
