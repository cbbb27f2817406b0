import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { AttemptChangesQuery } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { feedbackMessages } from './messages';

const EarlierAttemptsQuery = graphql(`
  query EarlierAttempts($workId: ID!) {
    work(id: $workId) {
      id
      versions {
        id
        attempt
        scope
      }
    }
  }
`);

const AttemptChangesQuery = graphql(`
  query AttemptChanges($fromVersionId: ID!, $toVersionId: ID!) {
    compareWorkVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {
      partKey
      lines {
        op
        text
      }
    }
  }
`);

type Changes = AttemptChangesQuery['compareWorkVersions'];

interface AttemptChangesProps {
  workId: string;
  versionId: string;
  attempt: number;
  scope: string;
  titleOf: (partKey: string) => string;
}

/**
 * On a resubmitted attempt: what the pupil changed since the attempt before it. Asked for only
 * when the teacher opens it, since most marking does not need it.
 */
export function AttemptChanges({ workId, versionId, attempt, scope, titleOf }: AttemptChangesProps) {
  const { t } = useFeatureI18n(feedbackMessages);
  const client = useApolloClient();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [changes, setChanges] = useState<Changes | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = async () => {
    setError(null);
    try {
      const { data } = await client.query({ query: EarlierAttemptsQuery, variables: { workId } });
      const earlier = (data?.work.versions ?? []).filter((version) => version.scope === scope && version.attempt < attempt).sort((a, b) => b.attempt - a.attempt)[0];
      if (!earlier) {
        setChanges([]);
        return;
      }
      const compared = await client.query({ query: AttemptChangesQuery, variables: { fromVersionId: earlier.id, toVersionId: versionId } });
      setChanges(compared.data?.compareWorkVersions ?? []);
    } catch (caught) {
      setError(caught);
    }
  };

  const toggle = () => {
    if (!open && changes === null) void load();
    setOpen(!open);
  };

  const changed = (changes ?? []).filter((part) => part.lines.some((line) => line.op !== 'same'));

  return (
    <section className="grading-changes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('changes.title')}</h2>
      <button type="button" className="button button--secondary button--small" aria-expanded={open} onClick={toggle}>
        {t(open ? 'changes.hide' : 'changes.show')}
      </button>
      {open && error !== null && <ErrorMessage error={error} onRetry={() => void load()} />}
      {open && error === null && changes === null && <Loading />}
      {open && changes !== null && changed.length === 0 && <p>{t('changes.none')}</p>}
      {open &&
        changed.map((part) => (
          <section key={part.partKey} className="grading-changes__part" aria-label={titleOf(part.partKey)}>
            <h3>{titleOf(part.partKey)}</h3>
            <ul className="grading-changes__lines">
              {part.lines.map((line, index) => (
                <li key={index} className={`grading-changes__line grading-changes__line--${line.op}`}>
                  {line.op !== 'same' && <span className="visually-hidden">{t(line.op === 'added' ? 'changes.added' : 'changes.removed')}: </span>}
                  <span aria-hidden="true">{line.op === 'added' ? '+ ' : line.op === 'removed' ? '− ' : '  '}</span>
                  {line.text}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
