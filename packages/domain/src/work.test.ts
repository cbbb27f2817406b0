import { describe, expect, it } from 'vitest';
import { canEditDraft, canSubmitAfter, nextStatus, progressState } from './submissions.js';
import { docText, sanitizeDoc } from './rich-text.js';
import { checkEvidence } from './work.js';

describe('sanitizeDoc', () => {
  it('keeps headings, lists, emphasis and safe links', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', level: 2, content: [{ type: 'text', text: '我的观察' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '很美', marks: [{ type: 'bold' }, { type: 'link', href: 'https://www.lnmuseum.com.cn/' }] }] },
        { type: 'bulletList', items: [[{ type: 'text', text: '颜色' }], [{ type: 'text', text: '形状' }]] },
      ],
    };
    const result = sanitizeDoc(doc);
    expect(result).toEqual({ ok: true, doc });
    if (!result.ok) throw new Error("not sanitized");
    expect(docText(result.doc)).toBe('我的观察\n很美\n• 颜色\n• 形状');
  });

  it('drops markup, scripts, unknown nodes and unsafe links; text stays text', () => {
    const result = sanitizeDoc({
      type: 'doc',
      content: [
        { type: 'html', html: '<script>alert(1)</script>' },
        { type: 'paragraph', content: [{ type: 'text', text: '<b>hi</b>', marks: [{ type: 'link', href: 'javascript:alert(1)' }, { type: 'evil' }] }], onclick: 'x' },
      ],
    });
    expect(result).toEqual({ ok: true, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<b>hi</b>' }] }] } });
  });

  it('refuses what is not a document, or is too long', () => {
    expect(sanitizeDoc('<p>hi</p>')).toEqual({ ok: false, problem: 'NOT_A_DOCUMENT' });
    expect(sanitizeDoc({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(60000) }] }] })).toEqual({ ok: false, problem: 'TOO_LONG' });
  });
});

describe('evidence', () => {
  it('checks collection and outside sources', () => {
    const { items, problems } = checkEvidence([
      { kind: 'COLLECTION_OBJECT', objectId: '6f1c1b8e-2c1a-4d1e-9a3b-1c2d3e4f5a6b', observation: '龙身卷曲' },
      { kind: 'OUTSIDE_SOURCE', title: '', url: 'javascript:x', seenOn: 'yesterday' },
      { kind: 'RUMOUR' },
    ]);
    expect(items[0]).toMatchObject({ kind: 'COLLECTION_OBJECT', observation: '龙身卷曲' });
    expect(problems).toEqual([
      { index: 1, field: 'title', problem: 'REQUIRED' },
      { index: 1, field: 'url', problem: 'INVALID' },
      { index: 1, field: 'seenOn', problem: 'INVALID' },
      { index: 2, field: 'kind', problem: 'INVALID' },
    ]);
  });
});

describe('submission states', () => {
  it('allows withdrawal only before a teacher opens the work', () => {
    expect(nextStatus('SUBMITTED', 'WITHDRAW')).toBe('WITHDRAWN');
    expect(nextStatus('SUBMITTED', 'WITHDRAW', { openedByTeacher: true })).toBeNull();
    expect(nextStatus('GRADED', 'WITHDRAW')).toBeNull();
  });
  it('lets teachers return or grade submitted work, once', () => {
    expect(nextStatus('SUBMITTED', 'RETURN')).toBe('RETURNED');
    expect(nextStatus('SUBMITTED', 'GRADE')).toBe('GRADED');
    expect(nextStatus('RETURNED', 'GRADE')).toBeNull();
    expect(nextStatus('WITHDRAWN', 'RETURN')).toBeNull();
  });
  it('allows a new attempt only after none, a withdrawal or a return', () => {
    expect(canSubmitAfter(null)).toBe(true);
    expect(canSubmitAfter('WITHDRAWN')).toBe(true);
    expect(canSubmitAfter('RETURNED')).toBe(true);
    expect(canSubmitAfter('SUBMITTED')).toBe(false);
    expect(canSubmitAfter('GRADED')).toBe(false);
    expect(canEditDraft('SUBMITTED')).toBe(false);
    expect(canEditDraft('RETURNED')).toBe(true);
  });
  it('names the progress a teacher sees', () => {
    expect(progressState(null, false)).toBe('NOT_STARTED');
    expect(progressState(null, true)).toBe('DRAFTING');
    expect(progressState('WITHDRAWN', true)).toBe('DRAFTING');
    expect(progressState('RETURNED', true)).toBe('RETURNED');
  });
});

describe('diffLines', () => {
  it('marks what was added, removed and kept', async () => {
    const { diffLines } = await import('./diff.js');
    expect(diffLines('龙\n玉\n红山', '龙\n白玉\n红山\n五千年')).toEqual([
      { op: 'same', text: '龙' },
      { op: 'removed', text: '玉' },
      { op: 'added', text: '白玉' },
      { op: 'same', text: '红山' },
      { op: 'added', text: '五千年' },
    ]);
    expect(diffLines('', 'a')).toEqual([{ op: 'added', text: 'a' }]);
  });
});
