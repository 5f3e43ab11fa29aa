// Renders a guide's Markdown notes compactly for the terminal: no blank lines between blocks,
// headings in bold, lists with bullets, code in the accent colour. marked parses; this only lays out.
import { Fragment, useMemo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { lexer, type Token, type Tokens } from 'marked';
import { usePalette } from '../hooks/use-palette.js';
import type { Palette } from '../palette.js';

export function Markdown({ source }: { source: string }) {
  const palette = usePalette();
  const tokens = useMemo(() => lexer(source), [source]);
  return <Box flexDirection="column">{blocks(tokens, palette)}</Box>;
}

function blocks(tokens: Token[], palette: Palette): ReactNode[] {
  return tokens.map((token, i) => <Fragment key={i}>{block(token, palette)}</Fragment>);
}

function block(token: Token, palette: Palette): ReactNode {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading':
      return (
        <Text bold underline={t.depth === 1}>
          {inline(t.tokens ?? [], palette)}
        </Text>
      );
    case 'paragraph':
      return <Text>{inline(t.tokens ?? [], palette)}</Text>;
    case 'text':
      // tight list items hold text blocks with their own inline tokens
      return <Text>{t.tokens ? inline(t.tokens, palette) : unwrap(decode(t.text))}</Text>;
    case 'list':
      return <List list={t as Tokens.List} palette={palette} />;
    case 'code':
      return (
        <Box paddingLeft={2}>
          <Text color={palette.accent}>{t.text}</Text>
        </Box>
      );
    case 'blockquote':
      return (
        <Box borderStyle="single" borderTop={false} borderRight={false} borderBottom={false} paddingLeft={1} flexDirection="column">
          {blocks(t.tokens ?? [], palette)}
        </Box>
      );
    case 'hr':
      return <Text dimColor>{'─'.repeat(20)}</Text>;
    case 'table':
      return <Table table={t as Tokens.Table} palette={palette} />;
    case 'html':
      return <Text dimColor>{t.text.trim()}</Text>;
    default:
      return t.text ? <Text>{decode(String(t.text))}</Text> : null;
  }
}

function List({ list, palette }: { list: Tokens.List; palette: Palette }) {
  const start = typeof list.start === 'number' ? list.start : 1;
  return (
    <Box flexDirection="column">
      {list.items.map((item, i) => {
        const bullet = item.task ? (item.checked ? '[x]' : '[ ]') : list.ordered ? `${start + i}.` : '•';
        return (
          <Box key={i}>
            <Box flexShrink={0} marginRight={1}>
              <Text>{bullet}</Text>
            </Box>
            <Box flexDirection="column" flexShrink={1}>
              {blocks(item.tokens.filter((x) => x.type !== 'checkbox'), palette)}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

function Table({ table, palette }: { table: Tokens.Table; palette: Palette }) {
  const row = (cells: Tokens.TableCell[]) =>
    cells.map((cell, i) => (
      <Fragment key={i}>
        {i > 0 ? <Text dimColor> │ </Text> : null}
        {inline(cell.tokens, palette)}
      </Fragment>
    ));
  return (
    <Box flexDirection="column">
      <Text bold>{row(table.header)}</Text>
      {table.rows.map((cells, i) => (
        <Text key={i}>{row(cells)}</Text>
      ))}
    </Box>
  );
}

function inline(tokens: Token[], palette: Palette): ReactNode[] {
  return tokens.map((token, i) => {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case 'strong':
        return (
          <Text key={i} bold>
            {inline(t.tokens ?? [], palette)}
          </Text>
        );
      case 'em':
        return (
          <Text key={i} italic>
            {inline(t.tokens ?? [], palette)}
          </Text>
        );
      case 'del':
        return (
          <Text key={i} strikethrough>
            {inline(t.tokens ?? [], palette)}
          </Text>
        );
      case 'codespan':
        return (
          <Text key={i} color={palette.accent}>
            {unwrap(decode(t.text))}
          </Text>
        );
      case 'link': {
        const label = t.text;
        return (
          <Text key={i}>
            <Text underline>{inline(t.tokens ?? [], palette)}</Text>
            {t.href && t.href !== label ? <Text dimColor> ({t.href})</Text> : null}
          </Text>
        );
      }
      case 'image':
        return <Text key={i} dimColor>[image: {t.text || t.href}]</Text>;
      case 'br':
        return '\n';
      case 'html':
        return <Fragment key={i}>{t.text}</Fragment>;
      default:
        return <Fragment key={i}>{t.tokens ? inline(t.tokens, palette) : unwrap(decode(String(t.text ?? '')))}</Fragment>;
    }
  });
}

/** a guide's paragraphs are wrapped in the file; the terminal wraps them again at its own width */
function unwrap(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** marked leaves character references as written; the terminal wants the characters */
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
