// @ts-nocheck
// 
import { describeRule } from '../helpers/rule-cases.js';
import { FIELD_INPUT_CASES } from './field-input-cases.js';

// The rules on the collector's inputs share their fixtures; each keeps its own test file.
describeRule('smmu-stream-device', FIELD_INPUT_CASES['smmu-stream-device']!);
