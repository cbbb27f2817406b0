import { describe, expect, it } from 'vitest';
import { docToSource, sourceToDoc, toggleBold, toggleLinePrefix } from './richTextSource';

describe('the editor text format', () => {
  it('turns headings, lists and marks into the RichDoc tree and back', () => {
    const source = '## 我的发现\n仕女戴着**大花**，拿着*团扇*\n- 牡丹\n- 荷花\n1. 先看\n2. 再画\n[故宫](https://www.dpm.org.cn/)';
    const doc = sourceToDoc(source);
    expect(doc.content.map((block) => block.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList', 'paragraph']);
    expect(doc.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '仕女戴着' },
        { type: 'text', text: '大花', marks: [{ type: 'bold' }] },
        { type: 'text', text: '，拿着' },
        { type: 'text', text: '团扇', marks: [{ type: 'italic' }] },
      ],
    });
    expect(docToSource(doc)).toBe(source);
  });

  it('leaves javascript: links as plain text', () => {
    expect(sourceToDoc('[x](javascript:alert(1))').content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '[x](javascript:alert(1))' }] });
  });

  it('toggles a heading or list prefix on the lines of the selection, and bold around it', () => {
    expect(toggleLinePrefix('one\ntwo', 0, 5, '- ').text).toBe('- one\n- two');
    expect(toggleLinePrefix('- one\n- two', 0, 8, '- ').text).toBe('one\ntwo');
    expect(toggleLinePrefix('- one', 2, 2, '## ').text).toBe('## one');
    expect(toggleBold('a flower', 2, 8)).toEqual({ text: 'a **flower**', selectionStart: 4, selectionEnd: 10 });
  });
});
