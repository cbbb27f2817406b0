import { useId, useRef, type KeyboardEvent } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { workMessages } from './messages';
import { RichDocView } from './RichDocView';
import { sourceToDoc, toggleBold, toggleLinePrefix } from './richTextSource';

interface RichTextEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/**
 * A textarea with three big buttons that write the format marks for the pupil, and a preview
 * underneath that shows what the marks mean. Ctrl/Cmd+B makes the selection bold.
 */
export function RichTextEditor({ label, value, onChange }: RichTextEditorProps) {
  const { t } = useFeatureI18n(workMessages);
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);

  const apply = (edit: (text: string, start: number, end: number) => { text: string; selectionStart: number; selectionEnd: number }) => {
    const textarea = area.current;
    if (!textarea) return;
    const result = edit(value, textarea.selectionStart, textarea.selectionEnd);
    onChange(result.text);
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(result.selectionStart, result.selectionEnd);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'b') {
      event.preventDefault();
      apply(toggleBold);
    }
  };

  return (
    <div className="rich-editor">
      <label htmlFor={id} className="rich-editor__label">
        {label}
      </label>
      <div className="rich-editor__toolbar" role="toolbar" aria-label={t('editor.toolbar')} aria-controls={id}>
        <button type="button" className="button button--secondary" onClick={() => apply((text, s, e) => toggleLinePrefix(text, s, e, '## '))}>
          {t('editor.heading')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => apply((text, s, e) => toggleLinePrefix(text, s, e, '- '))}>
          {t('editor.bullet')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => apply(toggleBold)} aria-keyshortcuts="Control+B">
          <strong>{t('editor.bold')}</strong>
        </button>
      </div>
      <textarea
        id={id}
        ref={area}
        className="rich-editor__area"
        rows={6}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('editor.hint')}
      </p>
      {value.trim() !== '' && (
        <details className="rich-editor__preview">
          <summary>{t('editor.preview')}</summary>
          <RichDocView doc={sourceToDoc(value)} />
        </details>
      )}
    </div>
  );
}
