import { useState } from 'react';
import { useT } from '../app/i18n';
import { TextField } from './Field';

/** A one-time link shown in a read-only box, with a button that copies it. */
export function CopyLink({ label, url }: { label: string; url: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (or an old browser): the link stays selectable in the box.
      setCopied(false);
    }
  };
  return (
    <div className="copy-link">
      <TextField label={label} value={url} readOnly onFocus={(event) => event.target.select()} />
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {t('common.copy')}
      </button>
      <span role="status" className="copy-link__status">
        {copied ? t('common.copied') : ''}
      </span>
    </div>
  );
}
