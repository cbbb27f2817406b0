import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { CheckIns_CheckInFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField } from '../../ui/Field';
import type { PartHeading } from './SubmittedWork';
import { feedbackMessages } from './messages';

export const CheckIns_checkIn = graphql(`
  fragment CheckIns_checkIn on CheckIn {
    id
    milestoneKey
    text
    createdAt
  }
`);

const AddCheckInMutation = graphql(`
  mutation AddCheckIn($input: AddCheckInInput!) {
    addCheckIn(input: $input) {
      checkIn {
        id
        milestoneKey
        text
        createdAt
      }
    }
  }
`);

interface CheckInsProps {
  workId: string;
  milestones: PartHeading[];
  /** The check-ins so far; left out where the page does not load them (then only new ones are listed). */
  checkIns?: CheckIns_CheckInFragment[];
  /** A heading naming whose work it is, where the page shows several. */
  title?: string;
  /** h3 inside the grading view's side column; h2 where the page has no section around it. */
  headingLevel?: 2 | 3;
}

/** Quick feedback on one milestone, without a grade; the pupil is told at once. */
export function CheckIns({ workId, milestones, checkIns: initial, title, headingLevel = 3 }: CheckInsProps) {
  const { t, formatDate } = useFeatureI18n(feedbackMessages);
  const headingId = useId();
  const [checkIns, setCheckIns] = useState(initial ?? []);
  const [milestoneKey, setMilestoneKey] = useState(milestones[0]?.key ?? '');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [add, { loading }] = useMutation(AddCheckInMutation);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleOf = (key: string) => milestones.find((milestone) => milestone.key === key)?.title ?? key;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSent(false);
    try {
      const result = await add({ variables: { input: { workId, milestoneKey, text: text.trim() } } });
      const added = result.data?.addCheckIn.checkIn;
      if (added) setCheckIns((list) => [...list, added]);
      setText('');
      setSent(true);
    } catch (caught) {
      setError(caught);
    }
  };

  if (milestones.length === 0) return null;

  return (
    <section className="grading-checkins" aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1}>
        {title ?? t('checkIns.title')}
      </Heading>
      <p className="field__hint">{t('checkIns.intro')}</p>
      {checkIns.length === 0 ? (
        initial && <p>{t('checkIns.empty')}</p>
      ) : (
        <ul className="grading-checkins__list">
          {checkIns.map((checkIn) => (
            <li key={checkIn.id}>
              <p className="grading-checkins__meta">
                {titleOf(checkIn.milestoneKey)} · {formatDate(String(checkIn.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
              </p>
              <p>{checkIn.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void onSubmit(event)}>
        <SelectField label={t('checkIns.milestone')} value={milestoneKey} onChange={(event) => setMilestoneKey(event.target.value)}>
          {milestones.map((milestone) => (
            <option key={milestone.key} value={milestone.key}>
              {milestone.title}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('checkIns.text')} rows={2} maxLength={2000} value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button button--secondary" disabled={loading || text.trim() === ''}>
          {t('checkIns.send')}
        </button>
        <p role="status" className="field__hint">
          {sent ? t('checkIns.sent') : ''}
        </p>
        {error !== null && <ErrorMessage error={error} />}
      </form>
    </section>
  );
}
