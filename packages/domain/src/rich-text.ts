/**
 * Pupils' formatted text, stored as a small document tree rather than HTML: headings,
 * paragraphs, lists, emphasis and links. Text is only ever text, so nothing a client sends
 * can become markup; the portal renders the tree with its own elements.
 */
export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; href: string };

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}

export type Block =
  | { type: 'paragraph'; content: TextNode[] }
  | { type: 'heading'; level: 1 | 2 | 3; content: TextNode[] }
  | { type: 'bulletList' | 'orderedList'; items: TextNode[][] };

export interface RichDoc {
  type: 'doc';
  content: Block[];
}

export const RICH_TEXT_LIMITS = { blocks: 400, characters: 50000, items: 100, linkLength: 2000 } as const;

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [] };

export type SanitizeResult = { ok: true; doc: RichDoc } | { ok: false; problem: 'NOT_A_DOCUMENT' | 'TOO_LONG' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only http(s) and mailto links survive; `javascript:` and friends are dropped. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.length > RICH_TEXT_LIMITS.linkLength) return null;
  try {
    const url = new URL(href.trim());
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

function cleanInline(nodes: unknown, budget: { chars: number }): TextNode[] {
  if (!Array.isArray(nodes)) return [];
  const out: TextNode[] = [];
  for (const node of nodes) {
    if (!isRecord(node) || node.type !== 'text' || typeof node.text !== 'string' || node.text === '') continue;
    // Control characters other than tab and newline are never part of a pupil's text.
    const text = node.text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
    budget.chars -= text.length;
    const marks: Mark[] = [];
    if (Array.isArray(node.marks)) {
      for (const mark of node.marks) {
        if (!isRecord(mark)) continue;
        if ((mark.type === 'bold' || mark.type === 'italic') && !marks.some((m) => m.type === mark.type)) marks.push({ type: mark.type });
        if (mark.type === 'link' && !marks.some((m) => m.type === 'link')) {
          const href = safeHref(mark.href);
          if (href) marks.push({ type: 'link', href });
        }
      }
    }
    if (text !== '') out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
  }
  return out;
}

/** Keeps what the format allows and drops the rest; refuses what is not a document or is too long. */
export function sanitizeDoc(input: unknown): SanitizeResult {
  if (!isRecord(input) || input.type !== 'doc' || !Array.isArray(input.content)) return { ok: false, problem: 'NOT_A_DOCUMENT' };
  if (input.content.length > RICH_TEXT_LIMITS.blocks) return { ok: false, problem: 'TOO_LONG' };
  const budget = { chars: RICH_TEXT_LIMITS.characters };
  const content: Block[] = [];
  for (const block of input.content) {
    if (!isRecord(block)) continue;
    if (block.type === 'paragraph') content.push({ type: 'paragraph', content: cleanInline(block.content, budget) });
    else if (block.type === 'heading') {
      const level = block.level === 1 || block.level === 2 || block.level === 3 ? block.level : 2;
      content.push({ type: 'heading', level, content: cleanInline(block.content, budget) });
    } else if ((block.type === 'bulletList' || block.type === 'orderedList') && Array.isArray(block.items)) {
      if (block.items.length > RICH_TEXT_LIMITS.items) return { ok: false, problem: 'TOO_LONG' };
      content.push({ type: block.type, items: block.items.map((item) => cleanInline(item, budget)) });
    }
  }
  if (budget.chars < 0) return { ok: false, problem: 'TOO_LONG' };
  return { ok: true, doc: { type: 'doc', content } };
}

/** The plain text of a document, one line per block or list item (for search, diff and exports). */
export function docText(doc: RichDoc): string {
  const inline = (nodes: TextNode[]) => nodes.map((n) => n.text).join('');
  return doc.content
    .flatMap((b) => ('items' in b ? b.items.map((i) => `• ${inline(i)}`) : [inline(b.content)]))
    .join('\n');
}

/** A document from plain text, one paragraph per line. */
export function docFromText(text: string): RichDoc {
  return { type: 'doc', content: text.split('\n').map((line) => ({ type: 'paragraph' as const, content: line ? [{ type: 'text' as const, text: line }] : [] })) };
}
