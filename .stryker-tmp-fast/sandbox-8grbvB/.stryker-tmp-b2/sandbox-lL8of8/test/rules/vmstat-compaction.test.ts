// @ts-nocheck
// 
import { describeRule } from '../helpers/rule-cases.js';
import { FIELD_INPUT_CASES } from './field-input-cases.js';

// The rules on the collector's inputs share their fixtures; each keeps its own test file.
describeRule('vmstat-compaction', FIELD_INPUT_CASES['vmstat-compaction']!);
