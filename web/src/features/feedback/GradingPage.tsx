import { useMutation, useQuery } from '@apollo/client/react';
import { PROJECT_SCOPE, REFLECTION_PART } from '@lmr/domain';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { PartCommentView_CommentFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { AttemptChanges } from './AttemptChanges';
import { CheckIns } from './CheckIns';
import { feedbackMessages } from './messages';
import { NominateForm } from './NominateForm';
import { RubricForm } from './RubricForm';
import { SubmittedWork, type PartHeading } from './SubmittedWork';

const GradingPageQuery = graphql(`
  query GradingPage($assignmentId: ID!, $versionId: ID!) {
    assignment(id: $assignmentId) {
      id
      classId
      className
      milestones {
        key
        number
        title {
          zh
          en
        }
      }
    }
    gradingView(versionId: $versionId) {
      assignmentId
      assignmentTitle {
        zh
        en
      }
      ownerName
      members {
        id
        displayName
      }
      previousVersionId
      nextVersionId
      rubric {
        ...RubricForm_criterion
      }
      checkIns {
        ...CheckIns_checkIn
      }
      feedback {
        ...RubricForm_feedback
        comments {
          ...PartCommentView_comment
        }
      }
      version {
        id
        workId
        attempt
        scope
        status
        late
        opened
        submittedAt
        parts {
          ...SubmittedWork_part
        }
      }
    }
    commentBank {
      ...CommentBank_entry
    }
  }
`);

const OpenSubmissionMutation = graphql(`
  mutation OpenSubmission($input: SubmissionIdInput!) {
    openSubmission(input: $input) {
      version {
        id
        opened
      }
    }
  }
`);

const AddPartCommentMutation = graphql(`
  mutation AddPartComment($input: AddPartCommentInput!) {
    addPartComment(input: $input) {
      comment {
        id
        partKey
        evidenceId
        text
        createdAt
      }
    }
  }
`);

const DeletePartCommentMutation = graphql(`
  mutation DeletePartComment($input: IdInput!) {
    deletePartComment(input: $input) {
      deleted
    }
  }
`);

function BackLink({ assignmentId }: { assignmentId: string }) {
  const { t } = useFeatureI18n(feedbackMessages);
  return (
    <p className="back-link">
      <Link to={`/assignments/${encodeURIComponent(assignmentId)}/progress`}>← {t('grading.back')}</Link>
    </p>
  );
}

/** Part comments as the server has them, plus those added or deleted on this visit. */
function usePartComments(versionId: string, fromServer: readonly PartCommentView_CommentFragment[]) {
  const [added, setAdded] = useState<PartCommentView_CommentFragment[]>([]);
  const [deleted, setDeleted] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [addComment] = useMutation(AddPartCommentMutation);
  const [deleteComment] = useMutation(DeletePartCommentMutation);

  useEffect(() => {
    setAdded([]);
    setDeleted([]);
    setError(null);
  }, [versionId]);

  const known = new Set(fromServer.map((comment) => comment.id));
  const comments = [...fromServer, ...added.filter((comment) => !known.has(comment.id))].filter((comment) => !deleted.includes(comment.id));

  const add = async (partKey: string, evidenceId: string | null, text: string) => {
    setError(null);
    try {
      const result = await addComment({ variables: { input: { versionId, partKey, evidenceId, text } } });
      const comment = result.data?.addPartComment.comment;
      if (comment) setAdded((list) => [...list, comment]);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      await deleteComment({ variables: { input: { id } } });
      setDeleted((list) => [...list, id]);
    } catch (caught) {
      setError(caught);
    }
  };

  return { comments, add, remove: (id: string) => void remove(id), error };
}

export function GradingPage() {
  const { t, language, formatDate } = useFeatureI18n(feedbackMessages);
  const { assignmentId = '', versionId = '' } = useParams();
  const { data, error, refetch } = useQuery(GradingPageQuery, { variables: { assignmentId, versionId }, fetchPolicy: 'cache-and-network' });
  const [openSubmission] = useMutation(OpenSubmissionMutation);
  const [decided, setDecided] = useState<'RETURN' | 'GRADE' | null>(null);
  const view = data?.gradingView;
  const version = view?.version;
  const comments = usePartComments(versionId, view?.feedback?.comments ?? []);
  const notFound = !data && error !== undefined && errorCodeOf(error) === 'NOT_FOUND';
  usePageTitle(view ? t('grading.title', { name: view.ownerName }) : notFound ? t('grading.notFoundTitle') : t('common.loading'));

  useEffect(() => setDecided(null), [versionId]);

  // Opening the attempt tells the pupil a teacher is looking: it can no longer be taken back.
  const needsOpening = version?.status === 'SUBMITTED' && !version.opened ? version.id : null;
  useEffect(() => {
    if (needsOpening) void openSubmission({ variables: { input: { versionId: needsOpening } } }).catch(() => undefined);
  }, [needsOpening, openSubmission]);

  if (notFound) {
    return (
      <section className="page page--narrow">
        <BackLink assignmentId={assignmentId} />
        <h1>{t('grading.notFoundTitle')}</h1>
        <p>{t('grading.notFoundBody')}</p>
      </section>
    );
  }
  if (!data || !view || !version) {
    return (
      <section className="page">
        <BackLink assignmentId={assignmentId} />
        {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}
      </section>
    );
  }

  const milestones: PartHeading[] = data.assignment.milestones.map((milestone) => ({
    key: milestone.key,
    title: `${milestone.number}. ${pickLocalized(milestone.title, language)?.text ?? ''}`,
  }));
  const headings = [...milestones, { key: REFLECTION_PART, title: t('grading.reflection') }];
  const editable = version.status === 'SUBMITTED';
  const neighbour = (id: string) => `/assignments/${encodeURIComponent(assignmentId)}/grading/${encodeURIComponent(id)}`;

  return (
    <section className="page grading-page" aria-labelledby="grading-heading">
      <BackLink assignmentId={assignmentId} />
      <p className="grading-page__assignment">
        <LocalizedTextView value={view.assignmentTitle} /> · {data.assignment.className}
      </p>
      <h1 id="grading-heading">{t('grading.title', { name: view.ownerName })}</h1>
      <p className="grading-page__meta">
        <span>{t('grading.attempt', { attempt: version.attempt })}</span>
        <span>{t('grading.submittedAt', { date: formatDate(String(version.submittedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</span>
        {version.late && <span className="grading-badge grading-badge--late">{t('grading.late')}</span>}
        <span className={`grading-badge grading-badge--${version.status.toLowerCase()}`}>{t(`grading.status.${version.status}`)}</span>
      </p>
      {view.members.length > 1 && <p>{t('grading.members', { names: new Intl.ListFormat(language).format(view.members.map((member) => member.displayName)) })}</p>}
      <nav className="grading-page__neighbours" aria-label={t('grading.neighbours')}>
        {view.previousVersionId && (
          <Link className="button button--secondary" to={neighbour(view.previousVersionId)}>
            ← {t('grading.previous')}
          </Link>
        )}
        {view.nextVersionId && (
          <Link className="button button--secondary" to={neighbour(view.nextVersionId)}>
            {t('grading.next')} →
          </Link>
        )}
      </nav>
      <p role="status" className="grading-page__decided">
        {decided ? t(decided === 'RETURN' ? 'decide.returned' : 'decide.graded') : !editable ? t('grading.decided') : ''}
      </p>
      <div className="grading-page__columns">
        <div className="grading-page__work">
          {version.attempt > 1 && (
            <AttemptChanges
              key={version.id}
              workId={version.workId}
              versionId={version.id}
              attempt={version.attempt}
              scope={version.scope}
              titleOf={(partKey) => headings.find((heading) => heading.key === partKey)?.title ?? partKey}
            />
          )}
          <SubmittedWork parts={version.parts} headings={headings} comments={comments.comments} editable={editable} onAddComment={comments.add} onDeleteComment={comments.remove} />
          {comments.error !== null && <ErrorMessage error={comments.error} />}
        </div>
        <div className="grading-page__side">
          {/* Keyed by attempt and saved state: the next pupil, or marking fetched again after a
              decision, starts the form from what the server holds. */}
          <RubricForm
            key={`${version.id}:${version.status}:${view.feedback?.rowVersion ?? 0}`}
            versionId={version.id}
            rubric={view.rubric}
            feedback={view.feedback ?? null}
            bank={data.commentBank}
            editable={editable}
            onDecided={(decision) => {
              setDecided(decision);
              void refetch();
            }}
          />
          {version.status === 'GRADED' && version.scope === PROJECT_SCOPE && <NominateForm key={version.id} versionId={version.id} classId={data.assignment.classId} />}
          <CheckIns key={version.workId} workId={version.workId} milestones={milestones} checkIns={view.checkIns} />
        </div>
      </div>
    </section>
  );
}
