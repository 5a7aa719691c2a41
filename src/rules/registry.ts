/** The built-in rules, in report order. A new rule is one file in builtin/ plus a line here. */
import type { Rule } from './types.js';
import { memoryPressure } from './builtin/memory-pressure.js';

export const BUILTIN_RULES: Rule[] = [memoryPressure];
