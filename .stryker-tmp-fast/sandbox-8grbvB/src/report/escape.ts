/** HTML escaping for text we place into markup ourselves (the template escapes the rest). */
// @ts-nocheck

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Shows control characters from a log (ESC sequences, BEL, backspace...) as visible escapes,
 * so a hostile bundle cannot drive the terminal or hide text in a report.
 */
export function visibleControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Text placed into Markdown: controls made visible, markup characters escaped, one line. */
export function escapeMarkdown(s: string): string {
  return visibleControls(s).replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}
