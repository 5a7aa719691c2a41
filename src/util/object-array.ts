/**
 * An empty array whose elements kind is already "objects".
 *
 * Why: `[]` starts as an array of small integers; the first object pushed onto it changes its
 * hidden class. A parser that builds a fresh list per file and pushes objects onto it from
 * TurboFan code compiled on an earlier file then meets a class that code never saw, and V8
 * throws the code away ("wrong map", then "not a Smi" on the push) and compiles the whole
 * function again — for the tegrastats sample closer and the dmesg record adder about 90 and
 * 50 ms of a helper thread's CPU each time, several times per worker (--trace-deopt). Arrays
 * made here all share one hidden class, empty or not, so the compiled push fits every file's.
 */
const SEED = [{}];

export function objectArray<T extends object>(): T[] {
  // slice keeps the seed's elements kind; elements kinds never go back to small integers.
  return SEED.slice(0, 0) as unknown as T[];
}

/**
 * `list.map(f)` into an array of one hidden class whichever tier runs it: the builtin `map`
 * returns a packed array but TurboFan's inlined `map` a holey one, so code that indexes the
 * result deoptimises ("wrong map") once its caller is optimised.
 */
export function mapObjects<A, T extends object>(list: readonly A[], f: (a: A, i: number) => T): T[] {
  const out = objectArray<T>();
  for (let i = 0; i < list.length; i++) out.push(f(list[i]!, i));
  return out;
}
