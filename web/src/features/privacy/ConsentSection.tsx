import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { ConsentSection_NominationFragment, CreditStyle } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField, TextField } from '../../ui/Field';
import { privacyMessages } from './messages';

graphql(`
  fragment ConsentSection_nomination on PupilNomination {
    id
    projectTitle {
      zh
      en
    }
    teamWork
    state
    consentStands
    creditStyle
    exhibited
    consentHistory {
      id
      change
      creditStyle
      note
      recordedByName
      recordedAt
    }
  }
`);

const RecordConsentMutation = graphql(`
  mutation RecordGuardianConsent($input: RecordConsentInput!) {
    recordGuardianConsent(input: $input) {
      nomination {
        ...ConsentSection_nomination
      }
    }
  }
`);

const WithdrawMutation = graphql(`
  mutation PrivacyWithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      nomination {
        id
        state
      }
    }
  }
`);

const CREDITS: CreditStyle[] = ['FULL_NAME', 'FIRST_NAME_INITIAL_SCHOOL', 'ANONYMOUS'];

/** Each nominated work of the pupil with its consent history; consent recorded or withdrawn here. */
export function ConsentSection({ nominations }: { nominations: readonly ConsentSection_NominationFragment[] }) {
  const { t } = useFeatureI18n(privacyMessages);
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('consent.heading')}</h2>
      <p>{t('consent.intro')}</p>
      {nominations.length === 0 ? <p className="empty-state">{t('consent.empty')}</p> : nominations.map((n) => <NominationConsent key={n.id} nomination={n} />)}
    </section>
  );
}

function NominationConsent({ nomination }: { nomination: ConsentSection_NominationFragment }) {
  const { t, language, formatDate, errorMessage } = useFeatureI18n(privacyMessages);
  const [confirming, setConfirming] = useState(false);
  const [credit, setCredit] = useState<CreditStyle>(nomination.creditStyle);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const [record, { loading: recording }] = useMutation(RecordConsentMutation);
  const [withdraw, { loading: withdrawing }] = useMutation(WithdrawMutation, { refetchQueries: ['PupilPrivacy'], awaitRefetchQueries: true });
  const title = pickLocalized(nomination.projectTitle, language)?.text ?? t('consent.untitled');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await record({ variables: { input: { nominationId: nomination.id, creditStyle: credit, note: note.trim() || null } } });
      setNote('');
      setOutcome({ kind: 'done', text: t('consent.recorded') });
    } catch (error) {
      setOutcome({ kind: 'failed', text: errorMessage(error) });
    }
  };

  const confirmWithdraw = async () => {
    try {
      await withdraw({ variables: { input: { nominationId: nomination.id } } });
      setOutcome({ kind: 'done', text: t('consent.withdrawn') });
    } catch (error) {
      setOutcome({ kind: 'failed', text: errorMessage(error) });
    }
    setConfirming(false);
  };

  return (
    <article className="card" aria-label={title}>
      <h3>
        {title}
        {nomination.teamWork && <span className="badge">{t('consent.team')}</span>}
        {nomination.exhibited && <span className="badge">{t('consent.exhibited')}</span>}
      </h3>
      <p>{nomination.consentStands ? `${t('consent.stands')} · ${t('consent.credit')}: ${t(`consent.credit.${nomination.creditStyle}`)}` : t('consent.none')}</p>
      <h4>{t('consent.history')}</h4>
      <ol className="timeline">
        {nomination.consentHistory.map((entry, i) => (
          <li key={entry.id ?? `initial-${i}`}>
            <time dateTime={String(entry.recordedAt)}>{formatDate(String(entry.recordedAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>{' '}
            {t(`consent.change.${entry.change}`)}
            {entry.creditStyle ? ` (${t(`consent.credit.${entry.creditStyle}`)})` : ''}
            {' · '}
            {entry.recordedByName ? t('consent.recordedBy', { name: entry.recordedByName }) : t('consent.recordedByUnknown')}
            {entry.note ? ` · ${entry.note}` : ''}
          </li>
        ))}
      </ol>
      {nomination.consentStands ? (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('consent.withdraw')}
        </button>
      ) : (
        <form className="form form--inline" onSubmit={(event) => void submit(event)}>
          <SelectField label={t('consent.credit')} value={credit} onChange={(event) => setCredit(event.target.value as CreditStyle)}>
            {CREDITS.map((c) => (
              <option key={c} value={c}>
                {t(`consent.credit.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('consent.note')} value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
          <button type="submit" className="button" disabled={recording}>
            {t('consent.record')}
          </button>
        </form>
      )}
      {outcome && (
        <p className={outcome.kind === 'done' ? 'notice' : 'form-error'} role={outcome.kind === 'done' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('consent.withdrawTitle')}
        confirmLabel={t('consent.withdraw')}
        busy={withdrawing}
        onConfirm={() => void confirmWithdraw()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('consent.withdrawBody')}</p>
      </ConfirmDialog>
    </article>
  );
}
