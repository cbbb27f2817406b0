import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { CommentBank_EntryFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField } from '../../ui/Field';
import { feedbackMessages } from './messages';

export const CommentBank_entry = graphql(`
  fragment CommentBank_entry on CommentBankEntry {
    id
    text
  }
`);

const AddBankCommentMutation = graphql(`
  mutation AddBankComment($input: AddBankCommentInput!) {
    addBankComment(input: $input) {
      entries {
        id
        text
      }
    }
  }
`);

const RemoveBankCommentMutation = graphql(`
  mutation RemoveBankComment($input: IdInput!) {
    removeBankComment(input: $input) {
      entries {
        id
        text
      }
    }
  }
`);

interface CommentBankProps {
  entries: CommentBank_EntryFragment[];
  /** What "save overall feedback to the bank" would save; empty hides the button. */
  overall: string;
  editable: boolean;
  onInsert: (text: string) => void;
}

/** The teacher's reusable comments: insert one into the overall feedback, save a new one, remove one. */
export function CommentBank({ entries: initial, overall, editable, onInsert }: CommentBankProps) {
  const { t } = useFeatureI18n(feedbackMessages);
  const headingId = useId();
  // The mutations answer with the whole bank, which replaces what the page loaded.
  const [entries, setEntries] = useState(initial);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [add, { loading: adding }] = useMutation(AddBankCommentMutation);
  const [remove, { loading: removing }] = useMutation(RemoveBankCommentMutation);

  const save = async (value: string) => {
    setError(null);
    try {
      const result = await add({ variables: { input: { text: value.trim() } } });
      if (result.data) setEntries(result.data.addBankComment.entries);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== '' && (await save(text))) setText('');
  };

  const onRemove = async (id: string) => {
    setError(null);
    try {
      const result = await remove({ variables: { input: { id } } });
      if (result.data) setEntries(result.data.removeBankComment.entries);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="grading-bank" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('bank.title')}</h3>
      {entries.length === 0 ? (
        <p className="field__hint">{t('bank.empty')}</p>
      ) : (
        <ul className="grading-bank__list">
          {entries.map((entry) => (
            <li key={entry.id} className="grading-bank__item">
              <p>{entry.text}</p>
              <div className="grading-bank__actions">
                {editable && (
                  <button type="button" className="button button--secondary button--small" aria-label={t('bank.insert', { text: entry.text })} onClick={() => onInsert(entry.text)}>
                    {t('bank.insertShort')}
                  </button>
                )}
                <button type="button" className="button button--secondary button--small" aria-label={t('bank.remove', { text: entry.text })} disabled={removing} onClick={() => void onRemove(entry.id)}>
                  {t('bank.removeShort')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="grading-bank__form" onSubmit={(event) => void onSubmit(event)}>
        <TextAreaField label={t('bank.new')} rows={2} maxLength={2000} value={text} onChange={(event) => setText(event.target.value)} />
        <div className="grading-bank__actions">
          <button type="submit" className="button button--secondary button--small" disabled={adding || text.trim() === ''}>
            {t('bank.add')}
          </button>
          {overall.trim() !== '' && (
            <button type="button" className="button button--secondary button--small" disabled={adding} onClick={() => void save(overall)}>
              {t('bank.saveOverall')}
            </button>
          )}
        </div>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
