import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ClassProgressLinks } from '../progress/ClassLinks';
import { AddPupilForm } from './AddPupilForm';
import { ClassAssignments } from './ClassAssignments';
import { ClassSettings } from './ClassSettings';
import { classesMessages } from './messages';
import { RosterImport } from './RosterImport';
import { RosterTable } from './RosterTable';

const ClassPageQuery = graphql(`
  query ClassPage($id: ID!) {
    class(id: $id) {
      id
      name
      grade
      schoolYear
      classCode
      archivedAt
      viewerCanManage
      school {
        id
        name
      }
      teachers {
        id
        displayName
      }
    }
    classRoster(classId: $id) {
      pupils {
        id
        displayName
        studentNumber
        disabled
      }
    }
    signInCards(classId: $id) {
      classId
      cards {
        pupilId
        pupilCode
      }
    }
    classAssignments(classId: $id, first: 50) {
      edges {
        node {
          id
          briefId
          title {
            zh
            en
          }
          startsAt
          dueAt
          mode
          museumSession {
            kind
            at
            place
          }
        }
      }
    }
  }
`);

function BackLink() {
  const { t } = useFeatureI18n(classesMessages);
  return (
    <p className="back-link no-print">
      <Link to="/classes">← {t('class.back')}</Link>
    </p>
  );
}

export function ClassPage() {
  const { t, formatNumber } = useFeatureI18n(classesMessages);
  const { id = '' } = useParams();
  // cache-and-network: an assignment made on another page shows up when the teacher comes back.
  const { data, error, refetch } = useQuery(ClassPageQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const notFound = !data && error !== undefined && errorCodeOf(error) === 'NOT_FOUND';
  usePageTitle(data?.class.name ?? (notFound ? t('class.notFoundTitle') : t('classes.title')));

  if (notFound) {
    return (
      <section className="page page--narrow">
        <BackLink />
        <h1>{t('class.notFoundTitle')}</h1>
        <p>{t('class.notFoundBody')}</p>
      </section>
    );
  }
  if (!data) {
    return (
      <section className="page">
        <BackLink />
        {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}
      </section>
    );
  }

  const schoolClass = data.class;
  const codes = new Map(data.signInCards.cards.map((card) => [card.pupilId, card.pupilCode]));
  const active = schoolClass.archivedAt == null;

  return (
    <section className="page" aria-labelledby="class-heading">
      <BackLink />
      <h1 id="class-heading">{schoolClass.name}</h1>
      <dl className="facts" aria-label={t('class.facts')}>
        <div>
          <dt>{t('class.school')}</dt>
          <dd>{schoolClass.school.name}</dd>
        </div>
        <div>
          <dt>{t('classes.gradeLabel')}</dt>
          <dd>{t('classes.grade', { grade: formatNumber(schoolClass.grade) })}</dd>
        </div>
        <div>
          <dt>{t('classes.schoolYear')}</dt>
          <dd>{schoolClass.schoolYear}</dd>
        </div>
        {schoolClass.classCode && (
          <div>
            <dt>{t('class.classCode')}</dt>
            <dd className="code">{schoolClass.classCode}</dd>
          </div>
        )}
        <div>
          <dt>{t('class.teachers')}</dt>
          <dd>{schoolClass.teachers.map((teacher) => teacher.displayName).join('、')}</dd>
        </div>
      </dl>
      {!active && (
        <p className="notice" role="status">
          {t('class.archivedNotice')}
        </p>
      )}

      <section aria-labelledby="roster-heading">
        <div className="section-heading">
          <h2 id="roster-heading">{t('class.roster')}</h2>
          {data.signInCards.cards.length > 0 && (
            <Link to={`/classes/${encodeURIComponent(schoolClass.id)}/cards`} className="button button--secondary">
              {t('class.cardsLink')}
            </Link>
          )}
        </div>
        <RosterTable classId={schoolClass.id} pupils={data.classRoster.pupils} codes={codes} canReset={active && schoolClass.viewerCanManage} />
      </section>

      <ClassAssignments assignments={data.classAssignments.edges.map((edge) => edge.node)} />
      <ClassProgressLinks classId={schoolClass.id} />

      {active && schoolClass.viewerCanManage && (
        <>
          <AddPupilForm classId={schoolClass.id} />
          <RosterImport classId={schoolClass.id} />
          <ClassSettings classId={schoolClass.id} className={schoolClass.name} />
        </>
      )}
    </section>
  );
}
