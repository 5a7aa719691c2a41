/**
 * Compile-time test of defineRule (checked by test/rules/define-rule.test.ts with tsc): each
 * `@ts-expect-error` marks a typo that must NOT compile; an unused directive fails the check.
 */
// @ts-nocheck

// 

import { defineRule } from '../../src/rules/define.js';

export const sample = defineRule({
  meta: {
    id: 'typed-sample',
    title: 'Typed sample',
    category: 'memory',
    docs: { description: 'd', why: 'w', seed: 's' },
    requires: [],
    thresholds: { lowPct: 10 },
    messages: { low: '{{freeMiB}} MiB free of {{totalMiB}} MiB.', plain: 'No placeholder.' },
    signatures: ['meminfo-memavailable-low'],
  },
  check({ thresholds, report }) {
    const ok: number = thresholds.lowPct;
    report({ messageId: 'low', severity: 'warning', confidence: ok, data: { freeMiB: 1, totalMiB: 2 }, signatures: ['meminfo-memavailable-low'] });
    report({ messageId: 'plain', severity: 'info', confidence: 0.5, signatures: [] });
    //  a threshold name typo
    void thresholds.lowPtc;
    //  a message id typo
    report({ messageId: 'lwo', severity: 'warning', confidence: 1, data: { freeMiB: 1, totalMiB: 2 }, signatures: [] });
    //  a placeholder typo in the data
    report({ messageId: 'low', severity: 'warning', confidence: 1, data: { freeMib: 1, totalMiB: 2 }, signatures: [] });
    //  a placeholder left without a value
    report({ messageId: 'low', severity: 'warning', confidence: 1, data: { freeMiB: 1 }, signatures: [] });
    //  a catalogue id the rule does not declare
    report({ messageId: 'plain', severity: 'info', confidence: 1, signatures: ['oom-kill-victim'] });
    //  no catalogue ids given at all
    report({ messageId: 'plain', severity: 'info', confidence: 1 });
  },
});

export const badId = defineRule({
  meta: {
    id: 'typed-bad-id',
    title: 'Bad id',
    category: 'memory',
    docs: { description: 'd', why: 'w', seed: 's' },
    requires: [],
    thresholds: {},
    messages: { m: 'x' },
    //  not a catalogue id
    signatures: ['oom-kil-victim'],
  },
  check() {},
});
