// Minimal colour for plain-text output: only on a terminal, never with NO_COLOR.
const enabled = (stream: NodeJS.WriteStream) =>
  Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb';

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;
export type Style = keyof typeof codes;

export function styler(stream: NodeJS.WriteStream = process.stdout) {
  const on = enabled(stream);
  return (style: Style, text: string) => (on ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}
export type Styler = ReturnType<typeof styler>;
