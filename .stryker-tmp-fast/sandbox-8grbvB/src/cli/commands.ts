/**
 * Every `jetdiag` command, one line each: a module under src/cli/ whose default export adds its
 * command to the program. Help lists them in this file's (alphabetical) order. Command modules
 * import only commander and light helpers at load; parsers, rules and renderers are imported
 * inside the action, so `jetdiag --version` stays instant.
 */
// @ts-nocheck

export { default as analyze } from './analyze.js';
export { default as batch } from './batch.js';
export { default as collector } from './collector.js';
export { default as completion } from './completion.js';
export { default as diff } from './diff.js';
export { default as fleet } from './fleet.js';
export { default as parse } from './parse.js';
export { default as rules } from './rules.js';
export { default as worker } from './worker.js';
