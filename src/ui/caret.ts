// Places PostgreSQL's error `position` (1-based, in characters) under the statement: the lines
// around it, cut to the terminal's width, with the caret's column in the cut line.

export interface CaretView {
  /** lines to show, already cut to width */
  lines: string[];
  /** index in `lines` of the line the caret goes under */
  caretLine: number;
  /** 0-based column of the caret in that line */
  caretColumn: number;
}

const CONTEXT_BEFORE = 2;
const CONTEXT_AFTER = 1;

export function caretView(statement: string, position: number, width: number): CaretView {
  // tabs would move the caret: one column each, like PostgreSQL counts them
  const all = statement.replace(/\t/g, ' ').split('\n');
  let remaining = Math.max(0, position - 1);
  let lineIndex = 0;
  while (lineIndex < all.length - 1 && remaining > all[lineIndex].length) {
    remaining -= all[lineIndex].length + 1;
    lineIndex += 1;
  }
  const column = Math.min(remaining, all[lineIndex].length);
  const from = Math.max(0, lineIndex - CONTEXT_BEFORE);
  const to = Math.min(all.length, lineIndex + CONTEXT_AFTER + 1);

  // scroll long lines sideways so the caret stays on screen
  const usable = Math.max(10, width);
  const shift = column < usable - 4 ? 0 : column - Math.floor(usable / 2);
  const cut = (line: string) => {
    const start = shift > 0 ? `…${line.slice(shift + 1)}` : line;
    return start.length > usable ? `${start.slice(0, usable - 1)}…` : start;
  };
  return {
    lines: all.slice(from, to).map(cut),
    caretLine: lineIndex - from,
    caretColumn: column - shift,
  };
}
