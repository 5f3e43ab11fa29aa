// Small formatting helpers shared by the text reports.

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms - m * 60_000) / 1000)} s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The statement with a caret under the 1-based `position`, and a few lines of context. */
export function markPosition(statement: string, position: number | undefined): string[] {
  const lines = statement.split('\n');
  if (!position) return lines;
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    if (position - 1 <= offset + line.length) {
      const column = Math.max(0, position - 1 - offset);
      return [...lines.slice(0, i + 1), `${' '.repeat(column)}^`, ...lines.slice(i + 1)];
    }
    offset += line.length + 1;
  }
  return lines;
}
