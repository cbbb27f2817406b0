import { useQuery } from '@apollo/client/react';
import { canEditDraft, PROJECT_SCOPE, REFLECTION_PART } from '@lmr/domain';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { MyMuseumResults } from '../exhibition/MyMuseumResult';
import { MyTeam } from '../teams/MyTeam';
import { workMessages } from './messages';
import { PartReadOnly, PartWorkspace } from './PartWorkspace';
import { AttemptList, SubmitButton } from './Submissions';
import type { SaveStatus } from './useAutosave';

const WorkspacePageQuery = graphql(`
  query WorkspacePage($assignmentId: ID!) {
    assignment(id: $assignmentId) {
      id
      dueAt
      mode
      teams {
        ...MyTeam_team
      }
      title {
        zh
        en
      }
      drivingQuestion {
        zh
        en
      }
      milestones {
        key
        number
        dueAt
        title {
          zh
          en
        }
        prompt {
          zh
          en
        }
        handIn {
          zh
          en
        }
      }
    }
    myWork(assignmentId: $assignmentId) {
      id
      editable
      parts {
        ...PartEditor_part
        ...EvidenceList_part
      }
      versions {
        ...AttemptList_version
      }
    }
    # Every decision on the pupil's work (a handful at most); the page shows this project's.
    myNominationResults {
      id
      assignmentId
      ...MyMuseumResult_result
    }
  }
`);

const dueFormat: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/** The worst state wins: the pupil must hear about a part that is not on the server yet. */
function pageStatus(statuses: Record<string, SaveStatus>, online: boolean): SaveStatus {
  const all = Object.values(statuses);
  if (all.includes('conflict')) return 'conflict';
  if (all.includes('error')) return 'error';
  if (!online || all.includes('offline')) return 'offline';
  if (all.includes('saving')) return 'saving';
  return 'saved';
}

function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function WorkspacePage() {
  const { assignmentId = '' } = useParams();
  const { t, language, formatDate } = useFeatureI18n(workMessages);
  // Always from the server: each part's revision must be the newest when the page opens.
  const { data, error, refetch } = useQuery(WorkspacePageQuery, { variables: { assignmentId }, fetchPolicy: 'network-only' });
  const [statuses, setStatuses] = useState<Record<string, SaveStatus>>({});
  const online = useOnline();
  const onStatus = useCallback((partKey: string, status: SaveStatus) => setStatuses((all) => (all[partKey] === status ? all : { ...all, [partKey]: status })), []);
  const assignment = data?.assignment;
  const work = data?.myWork;
  usePageTitle(pickLocalized(assignment?.title, language)?.text ?? t('work.myResearch'));

  if (!data) {
    return <section className="page">{error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}</section>;
  }
  if (!assignment || !work) return null;

  const museumResults = data.myNominationResults.filter((result) => result.assignmentId === assignment.id);
  const latestProject = work.versions.find((version) => version.scope === PROJECT_SCOPE) ?? null;
  const editable = work.editable && canEditDraft(latestProject?.status ?? null);
  const status = pageStatus(statuses, online);
  const partOf = (key: string) => work.parts.find((part) => part.partKey === key) ?? null;
  const milestoneTitle = (key: string) => {
    if (key === PROJECT_SCOPE) return t('attempts.scopeProject');
    if (key === REFLECTION_PART) return t('work.reflection');
    const milestone = assignment.milestones.find((m) => m.key === key);
    return milestone ? `${t('work.step', { number: milestone.number })} ${pickLocalized(milestone.title, language)?.text ?? ''}` : key;
  };
  const afterSubmit = () => refetch();

  const part = (key: string, title: string, headingId: string, level: number) =>
    editable ? (
      <PartWorkspace key={`${work.id}-${key}-edit`} workId={work.id} partKey={key} title={title} headingId={headingId} level={level} serverPart={partOf(key)} onStatus={onStatus} />
    ) : (
      <PartReadOnly key={`${work.id}-${key}-read`} part={partOf(key)} headingId={headingId} level={level} />
    );

  return (
    <section className="page workspace" aria-labelledby="workspace-heading">
      <Link to="/my" className="back-link">
        {t('work.back')}
      </Link>
      <h1 id="workspace-heading">
        <LocalizedTextView value={assignment.title} />
      </h1>
      <p className="card__meta">{t('work.due', { date: formatDate(String(assignment.dueAt), dueFormat) })}</p>
      <div className="driving-question-box">
        <h2 className="driving-question-box__label">{t('work.drivingQuestion')}</h2>
        <p className="driving-question">
          <LocalizedTextView value={assignment.drivingQuestion} />
        </p>
      </div>
      {museumResults.length > 0 && <MyMuseumResults results={museumResults} />}
      {assignment.mode === 'TEAM' && <MyTeam teams={assignment.teams} locked={work.versions.some((version) => version.status !== 'WITHDRAWN')} onMoved={() => void refetch()} />}
      {editable ? (
        <p className={`save-status save-status--${status}`} role="status" aria-live="polite">
          {t(`work.status.${status}`)}
        </p>
      ) : (
        <p className="notice">{t('work.readOnly')}</p>
      )}

      <h2>{t('work.steps')}</h2>
      <ol className="milestones workspace__steps">
        {assignment.milestones.map((milestone) => {
          const title = pickLocalized(milestone.title, language)?.text ?? '';
          return (
            <li key={milestone.key} className="milestone" aria-labelledby={`step-${milestone.key}`}>
              <h3 id={`step-${milestone.key}`}>
                {t('work.step', { number: milestone.number })} · <LocalizedTextView value={milestone.title} />
              </h3>
              {milestone.dueAt != null && <p className="card__meta">{t('work.stepDue', { date: formatDate(String(milestone.dueAt), dueFormat) })}</p>}
              <p>
                <LocalizedTextView value={milestone.prompt} />
              </p>
              {milestone.handIn && (
                <dl>
                  <dt>{t('work.handIn')}</dt>
                  <dd>
                    <LocalizedTextView value={milestone.handIn} />
                  </dd>
                </dl>
              )}
              {part(milestone.key, title, `part-${milestone.key}`, 4)}
              {editable && <SubmitButton workId={work.id} scope={milestone.key} versions={work.versions} allSaved={status === 'saved'} onSubmitted={afterSubmit} />}
            </li>
          );
        })}
      </ol>

      <section className="milestone" aria-labelledby="reflection-heading">
        <h2 id="reflection-heading">{t('work.reflection')}</h2>
        <p>{t('work.reflectionPrompt')}</p>
        {part(REFLECTION_PART, t('work.reflection'), 'part-reflection', 3)}
      </section>

      <section className="workspace__submit" aria-labelledby="submit-heading">
        <h2 id="submit-heading">{t('submit.title')}</h2>
        {latestProject?.status === 'SUBMITTED' && <p className="notice">{t('submit.done')}</p>}
        <SubmitButton workId={work.id} scope={PROJECT_SCOPE} versions={work.versions} allSaved={status === 'saved'} onSubmitted={afterSubmit} />
      </section>

      <AttemptList versions={work.versions} scopeTitle={milestoneTitle} onChanged={afterSubmit} />
    </section>
  );
}
