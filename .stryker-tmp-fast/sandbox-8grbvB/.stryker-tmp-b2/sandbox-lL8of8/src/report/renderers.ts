/**
 * The report formats: format name -> file extension + render function. A new report format is
 * one entry here. Each renderer module is imported only when its format is written, so start-up
 * and the formats not asked for cost nothing.
 */
// @ts-nocheck

// 

import type { Analysis } from '../analyze.js';
import type { ReportModel } from './model.js';

export interface RenderInput {
  analysis: Analysis;
  model: ReportModel;
}

export interface Renderer {
  /** File extension of a written report, without the dot. */
  extension: string;
  /** One line for --help. */
  description: string;
  render(input: RenderInput): Promise<string>;
}

export const RENDERERS = {
  html: {
    extension: 'html',
    description: 'self-contained HTML page with charts',
    render: async ({ model, analysis }) => (await import('./html.js')).renderHtml(model, analysis.snapshot, analysis.device),
  },
  md: {
    extension: 'md',
    description: 'Markdown for tickets',
    render: async ({ model }) => (await import('./markdown.js')).renderMarkdown(model),
  },
  json: {
    extension: 'json',
    description: 'the report model, device and rule outcomes as JSON',
    render: async ({ model, analysis }) => (await import('./json.js')).stringifyJson(jsonReport({ model, analysis })),
  },
  text: {
    extension: 'txt',
    description: 'the terminal verdict as plain text, every finding',
    render: async ({ model }) => (await import('./terminal.js')).renderTerminal(model, { enabled: false }, Infinity),
  },
} satisfies Record<string, Renderer>;

export type Format = keyof typeof RENDERERS;
export const FORMATS = Object.keys(RENDERERS) as Format[];
/** Written by `analyze -o <dir>` when --format is not given. */
export const DEFAULT_FORMATS: Format[] = ['html', 'md', 'json'];

export function isFormat(f: string): f is Format {
  return Object.hasOwn(RENDERERS, f);
}

/** The shape of `--json` and report.json. */
export function jsonReport({ model, analysis }: RenderInput) {
  return { report: model, device: analysis.device, outcomes: analysis.outcomes };
}
