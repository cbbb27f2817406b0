import { useId } from 'react';
import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import type { FragmentOf } from '../../app/graphql';
import { graphql } from '../../gql';
import { exhibitionMessages } from './messages';

/** The museum's decision on a nomination of the pupil's own work (or their team's). */
export const MyMuseumResult_result = graphql(`
  fragment MyMuseumResult_result on NominationResult {
    id
    outcome
    feedback
    decidedAt
    certificateUrl
    exhibitionPath
  }
`);

type Result = FragmentOf<typeof MyMuseumResult_result>;

const dateOnly: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/**
 * The museum's decisions on one project, for the pupil's workspace (where the notification of
 * a decision leads): what was decided, the educator's words, and the exhibition page and the
 * certificate when there are any.
 */
export function MyMuseumResults({ results }: { results: readonly Result[] }) {
  const { t, formatDate } = useFeatureI18n(exhibitionMessages);
  const headingId = useId();
  return (
    <section className="notice my-museum-results" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('myResult.title')}</h2>
      {results.map((result) => (
        <div key={result.id} className="my-museum-result">
          <p>
            <strong>{t(`myResult.${result.outcome}`)}</strong>
          </p>
          <p className="card__meta">{t('myResult.decidedAt', { date: formatDate(String(result.decidedAt), dateOnly) })}</p>
          <dl className="facts">
            <div>
              <dt>{t('myResult.feedback')}</dt>
              <dd>{result.feedback}</dd>
            </div>
          </dl>
          {(result.exhibitionPath || result.certificateUrl) && (
            <ul className="nominations-card__links">
              {result.exhibitionPath && (
                <li>
                  <Link to={result.exhibitionPath}>{t('myResult.exhibition')}</Link>
                </li>
              )}
              {result.certificateUrl && (
                <li>
                  <a href={result.certificateUrl} download className="button button--small">
                    {t('myResult.certificate')}
                  </a>
                </li>
              )}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

/**
 * The newest decision on a project (if any), in a line of its card on the pupil's home, with
 * the certificate beside it. `projectTitle` tells apart the links of several cards to a screen reader.
 */
export function MyMuseumResultNote({ result, projectTitle }: { result: Result | null; projectTitle: string }) {
  const { t } = useFeatureI18n(exhibitionMessages);
  if (!result) return null;
  return (
    <p className="card__meta my-museum-result-note">
      {t(`myResult.short.${result.outcome}`)}
      {result.certificateUrl && (
        <>
          {' · '}
          <a href={result.certificateUrl} download aria-label={t('myResult.certificateFor', { title: projectTitle })}>
            {t('myResult.certificate')}
          </a>
        </>
      )}
    </p>
  );
}
