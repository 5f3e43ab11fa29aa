// Where a JSON text goes wrong, as line:column. V8's own messages do not always carry a position
// ("Unexpected token 'b', … is not valid JSON" in Node 20), so a small scanner finds the first
// error itself; JSON.parse still does the parsing.

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const found = scan(source) ?? { offset: source.length, message: (error as Error).message };
    return { ok: false, error: { ...lineColumn(source, found.offset), message: found.message } };
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function scan(text: string): { offset: number; message: string } | null {
  let i = 0;
  const fail = (message: string): never => {
    throw new Stop(i, i >= text.length ? `unexpected end of file: ${message}` : `${message}, found ${show(text[i])}`);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('expected a value');
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('unescaped control character in a string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('expected four hex digits after \\u');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('invalid escape in a string');
      }
      i++;
    }
    if (i >= text.length) fail('expected the closing " of a string');
    i++;
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail('expected a value');
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return members('}', () => {
      if (text[i] !== '"') fail('expected a double-quoted property name');
      string();
      space();
      if (text[i] !== ':') fail("expected ':' after a property name");
      i++;
      value();
    }, "expected ',' or '}' after a property value");
    if (c === '[') return members(']', value, "expected ',' or ']' after an array element");
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail('expected a value');
  };
  const members = (close: string, member: () => void, afterMember: string) => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      space();
      member();
      space();
      if (text[i] === ',') {
        i++;
        space();
        if (text[i] === close) fail('trailing comma');
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(afterMember);
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail('unexpected text after the JSON value');
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, message: error.message };
    throw error;
  }
}

function show(char: string): string {
  if (char === '\n') return 'a line break';
  return JSON.stringify(char);
}
