import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { QrCode } from '../../ui/QrCode';
import { usePageTitle } from '../../ui/usePageTitle';
import { classesMessages } from './messages';

const SignInCardsQuery = graphql(`
  query SignInCards($classId: ID!) {
    signInCards(classId: $classId) {
      classId
      className
      classCode
      cards {
        pupilId
        displayName
        pupilCode
        signInPath
      }
    }
  }
`);

/** Printable cards: several to an A4 page; the print style sheet hides everything else. */
export function SignInCardsPage() {
  const { t } = useFeatureI18n(classesMessages);
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(SignInCardsQuery, { variables: { classId: id } });
  const cards = data?.signInCards;
  usePageTitle(cards ? t('cards.title', { name: cards.className }) : t('cards.list'));

  const back = (
    <p className="back-link no-print">
      <Link to={`/classes/${encodeURIComponent(id)}`}>← {t('cards.back')}</Link>
    </p>
  );

  if (!cards) {
    const notFound = error !== undefined && errorCodeOf(error) === 'NOT_FOUND';
    return (
      <section className="page page--narrow">
        {back}
        {notFound ? (
          <>
            <h1>{t('class.notFoundTitle')}</h1>
            <p>{t('class.notFoundBody')}</p>
          </>
        ) : error ? (
          <ErrorMessage error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )}
      </section>
    );
  }

  // The QR carries a full address so that any camera app opens the sign-in page.
  const origin = window.location.origin;

  return (
    <section className="page sign-in-cards-page" aria-labelledby="cards-heading">
      {back}
      <div className="no-print">
        <h1 id="cards-heading">{t('cards.title', { name: cards.className })}</h1>
        <p className="page__intro">{t('cards.intro')}</p>
        {cards.cards.length > 0 && (
          <p>
            <button type="button" className="button" onClick={() => window.print()}>
              {t('cards.print')}
            </button>
          </p>
        )}
      </div>
      {cards.cards.length === 0 ? (
        <p className="empty-state">{t('cards.empty')}</p>
      ) : (
        <ul className="sign-in-cards" aria-label={t('cards.list')}>
          {cards.cards.map((card) => (
            <li key={card.pupilId} className="sign-in-card">
              <div className="sign-in-card__text">
                <p className="sign-in-card__app">{t('app.name')}</p>
                <p className="sign-in-card__class">{cards.className}</p>
                <p className="sign-in-card__name">{card.displayName}</p>
                <dl className="sign-in-card__codes">
                  <div>
                    <dt>{t('cards.classCode')}</dt>
                    <dd className="code" data-testid="card-class-code">
                      {cards.classCode}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('cards.pupilCode')}</dt>
                    <dd className="code" data-testid="card-pupil-code">
                      {card.pupilCode}
                    </dd>
                  </div>
                </dl>
              </div>
              <QrCode text={`${origin}${card.signInPath}`} label={t('cards.qr', { name: card.displayName })} size={120} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
