import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { fieldErrorOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { CommentBank_EntryFragment, RubricForm_CriterionFragment, RubricForm_FeedbackFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField } from '../../ui/Field';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { CommentBank } from './CommentBank';
import { FeedbackConflict } from './FeedbackConflict';
import { conflictOf, draftFromFeedback, draftScore, levelsInput, sameDraft, type FeedbackConflictState, type FeedbackDraft } from './feedbackDraft';
import { feedbackMessages } from './messages';

export const RubricForm_criterion = graphql(`
  fragment RubricForm_criterion on RubricCriterion {
    key
    title {
      zh
      en
    }
    levels {
      points
      descriptor {
        zh
        en
      }
    }
  }
`);

export const RubricForm_feedback = graphql(`
  fragment RubricForm_feedback on Feedback {
    versionId
    rowVersion
    overallComment
    score
    maxPoints
    released
    levels {
      criterionKey
      level
      comment
      points
    }
  }
`);

const SaveFeedbackMutation = graphql(`
  mutation SaveFeedback($input: SaveFeedbackInput!) {
    saveFeedback(input: $input) {
      feedback {
        versionId
        rowVersion
      }
    }
  }
`);

const ReturnWorkMutation = graphql(`
  mutation ReturnWork($input: DecideInput!) {
    returnWork(input: $input) {
      version {
        id
        status
      }
    }
  }
`);

const GradeWorkMutation = graphql(`
  mutation GradeWork($input: DecideInput!) {
    gradeWork(input: $input) {
      version {
        id
        status
      }
    }
  }
`);

type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';
type Decision = 'RETURN' | 'GRADE';

interface RubricFormProps {
  versionId: string;
  rubric: RubricForm_CriterionFragment[];
  feedback: RubricForm_FeedbackFragment | null;
  bank: CommentBank_EntryFragment[];
  /** False once the attempt is returned or graded: the marking is then shown, not edited. */
  editable: boolean;
  onDecided: (decision: Decision) => void;
}

/**
 * The rubric with a level and a comment per criterion, the overall feedback and the comment
 * bank. Saving names the rowVersion it started from, so two teachers never overwrite each
 * other unknowingly: a stale save comes back as a conflict showing the other teacher's marking.
 */
export function RubricForm({ versionId, rubric, feedback, bank, editable, onDecided }: RubricFormProps) {
  const { t, language, formatNumber } = useFeatureI18n(feedbackMessages);
  const formId = useId();
  const [saved, setSaved] = useState<FeedbackDraft>(() => draftFromFeedback(feedback));
  const [draft, setDraft] = useState<FeedbackDraft>(saved);
  const [rowVersion, setRowVersion] = useState(feedback?.rowVersion ?? 0);
  const [state, setState] = useState<SaveState>('saved');
  const [conflict, setConflict] = useState<FeedbackConflictState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [missingLevels, setMissingLevels] = useState(false);
  const [saveFeedback] = useMutation(SaveFeedbackMutation);
  const [returnWork, { loading: returning }] = useMutation(ReturnWorkMutation);
  const [gradeWork, { loading: grading }] = useMutation(GradeWorkMutation);

  const dirty = !sameDraft(draft, saved);
  const shownState: SaveState = state === 'saved' && dirty ? 'unsaved' : state;
  const score = draftScore(draft, rubric);
  const maxPoints = feedback?.maxPoints ?? rubric.reduce((sum, criterion) => sum + Math.max(0, ...criterion.levels.map((level) => level.points)), 0);

  const edit = (change: (current: FeedbackDraft) => FeedbackDraft) => {
    setDraft(change);
    if (state === 'error') setState('saved');
    setMissingLevels(false);
  };

  const chooseLevel = (criterionKey: string, level: number) =>
    edit((current) => ({ ...current, levels: { ...current.levels, [criterionKey]: { level, comment: current.levels[criterionKey]?.comment ?? '' } } }));

  const commentOn = (criterionKey: string, comment: string) =>
    edit((current) => ({ ...current, levels: { ...current.levels, [criterionKey]: { level: current.levels[criterionKey]?.level ?? null, comment } } }));

  /** Saves `toSave` as a change of `expected`; the new rowVersion, or null when it did not save. */
  const save = async (toSave: FeedbackDraft, expected: number): Promise<number | null> => {
    setState('saving');
    setError(null);
    try {
      const result = await saveFeedback({ variables: { input: { versionId, expectedRowVersion: expected, levels: levelsInput(toSave), overallComment: toSave.overall.trim() || null } } });
      const answer = result.data?.saveFeedback.feedback;
      if (!answer) throw new Error('no feedback in the answer');
      setRowVersion(answer.rowVersion);
      setSaved(toSave);
      setConflict(null);
      setState('saved');
      return answer.rowVersion;
    } catch (caught) {
      const found = conflictOf(caught);
      if (found) {
        setConflict(found);
        setState('conflict');
      } else {
        setError(caught);
        setState('error');
      }
      return null;
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(draft, rowVersion);
  };

  const keepTheirs = () => {
    if (!conflict) return;
    setDraft(conflict.theirs);
    setSaved(conflict.theirs);
    setRowVersion(conflict.rowVersion);
    setConflict(null);
    setState('saved');
  };

  const overwrite = () => {
    if (conflict) void save(draft, conflict.rowVersion);
  };

  const askToDecide = (decision: Decision) => {
    if (decision === 'GRADE' && score === null) {
      setMissingLevels(true);
      return;
    }
    setConfirming(decision);
  };

  const decide = async (decision: Decision) => {
    // Unsaved marking is saved first, so the pupil gets what the teacher sees.
    const expected = dirty || rowVersion === 0 ? await save(draft, rowVersion) : rowVersion;
    if (expected === null) {
      setConfirming(null);
      return;
    }
    try {
      const input = { versionId, expectedRowVersion: expected };
      await (decision === 'RETURN' ? returnWork({ variables: { input } }) : gradeWork({ variables: { input } }));
      setConfirming(null);
      onDecided(decision);
    } catch (caught) {
      setConfirming(null);
      const found = conflictOf(caught);
      if (found) {
        setConflict(found);
        setState('conflict');
      } else {
        setError(caught);
      }
    }
  };

  const missingField = fieldErrorOf(error)?.field === 'levels' || missingLevels;

  return (
    <section className="grading-rubric" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('rubric.title')}</h2>
      {conflict && <FeedbackConflict rubric={rubric} mine={draft} theirs={conflict.theirs} busy={shownState === 'saving'} onKeepTheirs={keepTheirs} onOverwrite={overwrite} />}
      <form onSubmit={onSubmit} aria-describedby={`${formId}-state`}>
        {rubric.map((criterion) => {
          const chosen = draft.levels[criterion.key];
          const title = pickLocalized(criterion.title, language)?.text ?? criterion.key;
          return (
            <fieldset key={criterion.key} className="grading-criterion" disabled={!editable}>
              <legend>
                <LocalizedTextView value={criterion.title} />
              </legend>
              <div className="grading-criterion__levels">
                {criterion.levels.map((level, index) => (
                  <label key={index} className="grading-level">
                    <input type="radio" name={`${formId}-${criterion.key}`} value={index} checked={chosen?.level === index} onChange={() => chooseLevel(criterion.key, index)} />
                    <span className="grading-level__points">{t('rubric.points', { points: formatNumber(level.points) })}</span>
                    <span className="grading-level__descriptor">
                      <LocalizedTextView value={level.descriptor} />
                    </span>
                  </label>
                ))}
              </div>
              {editable ? (
                <TextAreaField
                  label={t('rubric.criterionComment', { criterion: title })}
                  hint={t('common.optional')}
                  rows={2}
                  maxLength={2000}
                  value={chosen?.comment ?? ''}
                  onChange={(event) => commentOn(criterion.key, event.target.value)}
                />
              ) : (
                chosen?.comment && <p className="grading-criterion__comment">{chosen.comment}</p>
              )}
            </fieldset>
          );
        })}
        <p className="grading-rubric__score">
          {score === null ? t('rubric.scoreUnknown', { max: formatNumber(maxPoints) }) : t('rubric.score', { score: formatNumber(score), max: formatNumber(maxPoints) })}
        </p>
        {editable ? (
          <TextAreaField label={t('rubric.overall')} rows={4} maxLength={4000} value={draft.overall} onChange={(event) => edit((current) => ({ ...current, overall: event.target.value }))} />
        ) : (
          draft.overall && (
            <>
              <h3 className="grading-rubric__overall-title">{t('rubric.overall')}</h3>
              <p className="grading-rubric__overall">{draft.overall}</p>
            </>
          )
        )}
        {editable && (
          <div className="grading-rubric__actions">
            <button type="submit" className="button" disabled={shownState === 'saving' || !dirty || conflict !== null}>
              {t('rubric.save')}
            </button>
            <button type="button" className="button button--secondary" disabled={shownState === 'saving' || conflict !== null} onClick={() => askToDecide('RETURN')}>
              {t('decide.return')}
            </button>
            <button type="button" className="button button--secondary" disabled={shownState === 'saving' || conflict !== null} onClick={() => askToDecide('GRADE')}>
              {t('decide.grade')}
            </button>
          </div>
        )}
        {/* A live region: the teacher hears when marking is saved, waiting or in conflict. */}
        <p id={`${formId}-state`} className={`grading-rubric__state grading-rubric__state--${shownState}`} role="status">
          {editable ? t(`save.${shownState}`) : ''}
        </p>
        {missingField && (
          <p className="field__error" role="alert">
            {t('rubric.missing')}
          </p>
        )}
        {error !== null && !missingField && <ErrorMessage error={error} />}
      </form>
      {editable && <CommentBank entries={bank} overall={draft.overall} editable={editable} onInsert={(text) => edit((current) => ({ ...current, overall: current.overall.trim() ? `${current.overall.trimEnd()}\n${text}` : text }))} />}
      <ConfirmDialog
        open={confirming !== null}
        title={t(confirming === 'GRADE' ? 'decide.gradeTitle' : 'decide.returnTitle')}
        confirmLabel={t(confirming === 'GRADE' ? 'decide.grade' : 'decide.return')}
        busy={returning || grading || shownState === 'saving'}
        onConfirm={() => confirming && void decide(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>{t(confirming === 'GRADE' ? 'decide.gradeBody' : 'decide.returnBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
