import type { Block, Mark, RichDoc, TextNode } from '@lmr/domain';

/**
 * The editor is a plain textarea, so pupils type a few marks a child can learn in a minute:
 * `## ` starts a heading, `- ` a bullet, `1. ` a numbered item, `**bold**`, `*italic*` and
 * `[words](https://…)` a link. These functions turn that text into the RichDoc tree the API
 * stores, and back, so the tree (never HTML) is what travels.
 */

const inlinePattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+|mailto:[^)\s]+)\)/g;

export function parseInline(line: string): TextNode[] {
  const nodes: TextNode[] = [];
  let last = 0;
  for (const match of line.matchAll(inlinePattern)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push({ type: 'text', text: line.slice(last, index) });
    if (match[1] !== undefined) nodes.push({ type: 'text', text: match[1], marks: [{ type: 'bold' }] });
    else if (match[2] !== undefined) nodes.push({ type: 'text', text: match[2], marks: [{ type: 'italic' }] });
    else nodes.push({ type: 'text', text: match[3]!, marks: [{ type: 'link', href: match[4]! }] });
    last = index + match[0].length;
  }
  if (last < line.length) nodes.push({ type: 'text', text: line.slice(last) });
  return nodes;
}

const headingPattern = /^(#{1,3}) (.*)$/;
const bulletPattern = /^[-•] (.*)$/;
const orderedPattern = /^\d+[.、] (.*)$/;

export function sourceToDoc(source: string): RichDoc {
  const content: Block[] = [];
  if (source === '') return { type: 'doc', content };
  for (const line of source.split('\n')) {
    const heading = headingPattern.exec(line);
    const bullet = bulletPattern.exec(line);
    const ordered = orderedPattern.exec(line);
    const previous = content[content.length - 1];
    if (heading) {
      content.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, content: parseInline(heading[2]!) });
    } else if (bullet || ordered) {
      const type = bullet ? 'bulletList' : 'orderedList';
      const item = parseInline((bullet ?? ordered)![1]!);
      if (previous && previous.type === type) previous.items.push(item);
      else content.push({ type, items: [item] });
    } else {
      content.push({ type: 'paragraph', content: parseInline(line) });
    }
  }
  return { type: 'doc', content };
}

function inlineSource(nodes: TextNode[]): string {
  return nodes
    .map((node) => {
      const marks: Mark[] = node.marks ?? [];
      const link = marks.find((mark) => mark.type === 'link');
      let text = node.text;
      if (marks.some((mark) => mark.type === 'italic')) text = `*${text}*`;
      if (marks.some((mark) => mark.type === 'bold')) text = `**${text}**`;
      if (link && link.type === 'link') text = `[${text}](${link.href})`;
      return text;
    })
    .join('');
}

export function docToSource(doc: RichDoc | null | undefined): string {
  if (!doc || !Array.isArray(doc.content)) return '';
  return doc.content
    .flatMap((block) => {
      if (block.type === 'heading') return [`${'#'.repeat(block.level)} ${inlineSource(block.content)}`];
      if (block.type === 'bulletList') return block.items.map((item) => `- ${inlineSource(item)}`);
      if (block.type === 'orderedList') return block.items.map((item, index) => `${index + 1}. ${inlineSource(item)}`);
      return 'content' in block ? [inlineSource(block.content)] : [];
    })
    .join('\n');
}

/** Adds a line prefix to every line the selection touches, or takes it away if all have it. */
export function toggleLinePrefix(source: string, start: number, end: number, prefix: string) {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = source.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? source.length : nextBreak;
  const lines = source.slice(lineStart, lineEnd).split('\n');
  const all = lines.every((line) => line.startsWith(prefix));
  const changed = lines.map((line) => (all ? line.slice(prefix.length) : prefix + line.replace(/^(#{1,3} |[-•] |\d+[.、] )/, ''))).join('\n');
  const text = source.slice(0, lineStart) + changed + source.slice(lineEnd);
  return { text, selectionStart: lineStart, selectionEnd: lineStart + changed.length };
}

/** Wraps the selection in `**` (or unwraps it); with nothing selected, leaves the caret between the marks. */
export function toggleBold(source: string, start: number, end: number) {
  const selected = source.slice(start, end);
  if (selected.startsWith('**') && selected.endsWith('**') && selected.length >= 4) {
    const inner = selected.slice(2, -2);
    return { text: source.slice(0, start) + inner + source.slice(end), selectionStart: start, selectionEnd: start + inner.length };
  }
  const text = `${source.slice(0, start)}**${selected}**${source.slice(end)}`;
  return { text, selectionStart: start + 2, selectionEnd: end + 2 };
}
