import { useMutation, useQuery } from '@apollo/client/react';
import { MAX_GRADE, MIN_GRADE, type FieldProblem } from '@lmr/domain';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { errorCodeOf, fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { BriefEditorQuery } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { themes } from '../collection/themes';
import {
  contentOf,
  emptyPair,
  move,
  newBriefState,
  newCriterion,
  newLevel,
  newMilestone,
  nextUid,
  pairOf,
  problemsOf,
  type BriefFormState,
  type TextPair,
} from './briefDraft';
import { briefsMessages } from './messages';

const BriefEditorQueryDocument = graphql(`
  query BriefEditor($id: ID!) {
    brief(id: $id) {
      id
      editable
      theme
      gradeFrom
      gradeTo
      title {
        zh
        en
      }
      drivingQuestion {
        zh
        en
      }
      learningGoals {
        zh
        en
      }
      milestones {
        key
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
      rubric {
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
      suggestedObjects {
        id
      }
    }
  }
`);

const CreateBriefMutation = graphql(`
  mutation CreateBrief($input: CreateBriefInput!) {
    createBrief(input: $input) {
      brief {
        id
      }
    }
  }
`);

const UpdateBriefMutation = graphql(`
  mutation UpdateBrief($input: UpdateBriefInput!) {
    updateBrief(input: $input) {
      brief {
        id
        version
      }
    }
  }
`);

type Problems = Map<string, FieldProblem['problem']>;

function stateOf(brief: BriefEditorQuery['brief']): BriefFormState {
  return {
    title: pairOf(brief.title),
    theme: brief.theme,
    gradeFrom: String(brief.gradeFrom),
    gradeTo: String(brief.gradeTo),
    drivingQuestion: pairOf(brief.drivingQuestion),
    goals: brief.learningGoals.map((goal) => ({ uid: nextUid(), text: pairOf(goal) })),
    milestones: brief.milestones.map((milestone) => ({
      uid: nextUid(),
      key: milestone.key,
      title: pairOf(milestone.title),
      prompt: pairOf(milestone.prompt),
      handIn: pairOf(milestone.handIn),
    })),
    rubric: brief.rubric.map((criterion) => ({
      uid: nextUid(),
      key: criterion.key,
      title: pairOf(criterion.title),
      levels: criterion.levels.map((level) => ({ uid: nextUid(), points: String(level.points), descriptor: pairOf(level.descriptor) })),
    })),
    suggestedObjectIds: brief.suggestedObjects.map((object) => object.id),
  };
}

/** Problems the API reports: all of them (`extensions.problems`) or at least the one field. */
function apiProblems(error: unknown): Problems | null {
  if (CombinedGraphQLErrors.is(error)) {
    for (const item of error.errors) {
      const listed = (item.extensions as { problems?: unknown } | undefined)?.problems;
      if (Array.isArray(listed) && listed.length > 0) {
        return new Map((listed as FieldProblem[]).map(({ field, problem }) => [field, problem]));
      }
    }
  }
  const field = fieldErrorOf(error);
  return field ? new Map([[field.field, 'INVALID']]) : null;
}

/** `/briefs/new` and `/briefs/:id/edit`. */
export function BriefEditorPage() {
  const { t, errorMessage } = useFeatureI18n(briefsMessages);
  const { id } = useParams();
  const { data, error, refetch } = useQuery(BriefEditorQueryDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  usePageTitle(id ? t('editor.editTitle') : t('editor.newTitle'));

  if (id && !data) {
    return (
      <section className="page page--narrow">
        {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}
        {error && errorCodeOf(error) === 'NOT_FOUND' && <p>{errorMessage(error)}</p>}
      </section>
    );
  }
  if (data && !data.brief.editable) {
    return (
      <section className="page page--narrow">
        <h1>{t('editor.editTitle')}</h1>
        <p className="notice">{t('editor.cannotEdit')}</p>
        <p>
          <Link to={`/briefs/${encodeURIComponent(data.brief.id)}`}>← {t('brief.back')}</Link>
        </p>
      </section>
    );
  }
  return <BriefForm key={data?.brief.id ?? 'new'} briefId={data?.brief.id ?? null} initial={data ? stateOf(data.brief) : newBriefState()} />;
}

function BriefForm({ briefId, initial }: { briefId: string | null; initial: BriefFormState }) {
  const { t, errorMessage, formatNumber } = useFeatureI18n(briefsMessages);
  const navigate = useNavigate();
  const location = useLocation();
  const copiedNotice = (location.state as { notice?: string } | null)?.notice === 'copied';
  const [state, setState] = useState(initial);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [failure, setFailure] = useState<unknown>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const [createBrief, { loading: creating }] = useMutation(CreateBriefMutation, { refetchQueries: ['MyBriefs', 'BriefLibrary'] });
  const [updateBrief, { loading: updating }] = useMutation(UpdateBriefMutation, { refetchQueries: ['BriefPage'] });

  // After a failed save, take the keyboard to the first field that needs fixing.
  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const problem = (field: string): string | null => {
    const found = problems.get(field);
    return found ? t(`editor.problem.${found}`) : null;
  };

  const update = (change: (draft: BriefFormState) => BriefFormState) => setState((current) => change(current));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found = problemsOf(state);
    setProblems(found);
    if (found.size > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    const content = contentOf(state);
    try {
      const saved = briefId
        ? (await updateBrief({ variables: { input: { id: briefId, content } } })).data?.updateBrief.brief.id
        : (await createBrief({ variables: { input: { content } } })).data?.createBrief.brief.id;
      if (saved) await navigate(`/briefs/${encodeURIComponent(saved)}`);
    } catch (caught) {
      const fromApi = apiProblems(caught);
      if (fromApi) {
        setProblems(fromApi);
        setFocusRequest((n) => n + 1);
      } else {
        setFailure(caught);
      }
    }
  };

  const pairFields = (
    labels: { zh: string; en: string },
    pair: TextPair,
    onChange: (pair: TextPair) => void,
    field: string,
    options: { multiline?: boolean; required?: boolean } = {},
  ) => {
    const Field = options.multiline ? TextAreaField : TextField;
    const star = options.required ? ' *' : '';
    return (
      <div className="pair-fields">
        <Field
          label={`${labels.zh}${star}`}
          lang="zh-CN"
          value={pair.zh}
          onChange={(event: { target: { value: string } }) => onChange({ ...pair, zh: event.target.value })}
          error={problem(field)}
          {...(options.multiline ? { rows: 3 } : {})}
        />
        <Field
          label={labels.en}
          lang="en"
          value={pair.en}
          onChange={(event: { target: { value: string } }) => onChange({ ...pair, en: event.target.value })}
          {...(options.multiline ? { rows: 3 } : {})}
        />
      </div>
    );
  };

  const grades = Array.from({ length: MAX_GRADE - MIN_GRADE + 1 }, (_, i) => MIN_GRADE + i);
  const listProblem = (field: string): ReactNode =>
    problem(field) ? (
      <p className="form-error" role="alert">
        {problem(field)}
      </p>
    ) : null;

  return (
    <section className="page brief-editor" aria-labelledby="editor-heading">
      <h1 id="editor-heading">{briefId ? t('editor.editTitle') : t('editor.newTitle')}</h1>
      {copiedNotice && (
        <p className="notice" role="status">
          {t('brief.copied')}
        </p>
      )}
      <p className="page__intro">{t('editor.intro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="panel">
          <legend>{t('editor.basics')}</legend>
          {pairFields({ zh: t('editor.titleZh'), en: t('editor.titleEn') }, state.title, (title) => update((s) => ({ ...s, title })), 'title', { required: true })}
          <div className="form-grid form-grid--three">
            <SelectField
              label={`${t('editor.theme')} *`}
              value={state.theme}
              onChange={(event) => update((s) => ({ ...s, theme: event.target.value as BriefFormState['theme'] }))}
              error={problem('theme')}
            >
              <option value="">{t('editor.chooseTheme')}</option>
              {themes.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`theme.${theme}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={`${t('editor.gradeFrom')} *`} value={state.gradeFrom} onChange={(event) => update((s) => ({ ...s, gradeFrom: event.target.value }))} error={problem('gradeFrom')}>
              <option value="">—</option>
              {grades.map((grade) => (
                <option key={grade} value={grade}>
                  {t('library.gradeOption', { grade: formatNumber(grade) })}
                </option>
              ))}
            </SelectField>
            <SelectField label={`${t('editor.gradeTo')} *`} value={state.gradeTo} onChange={(event) => update((s) => ({ ...s, gradeTo: event.target.value }))} error={problem('gradeTo')}>
              <option value="">—</option>
              {grades.map((grade) => (
                <option key={grade} value={grade}>
                  {t('library.gradeOption', { grade: formatNumber(grade) })}
                </option>
              ))}
            </SelectField>
          </div>
          {pairFields(
            { zh: t('editor.drivingQuestionZh'), en: t('editor.drivingQuestionEn') },
            state.drivingQuestion,
            (drivingQuestion) => update((s) => ({ ...s, drivingQuestion })),
            'drivingQuestion',
            { multiline: true, required: true },
          )}
        </fieldset>

        <fieldset className="panel">
          <legend>{t('editor.goals')}</legend>
          {listProblem('learningGoals')}
          {state.goals.map((goal, index) => {
            const number = formatNumber(index + 1);
            return (
              <fieldset key={goal.uid} className="editor-item">
                <legend>{t('editor.goal', { number })}</legend>
                {pairFields(
                  { zh: t('editor.goalZh', { number }), en: t('editor.goalEn', { number }) },
                  goal.text,
                  (text) => update((s) => ({ ...s, goals: s.goals.map((g) => (g.uid === goal.uid ? { ...g, text } : g)) })),
                  `learningGoals.${index}`,
                  { multiline: true },
                )}
                <ItemButton onClick={() => update((s) => ({ ...s, goals: s.goals.filter((g) => g.uid !== goal.uid) }))} label={t('editor.remove')} context={t('editor.goal', { number })} />
              </fieldset>
            );
          })}
          <button type="button" className="button button--secondary" onClick={() => update((s) => ({ ...s, goals: [...s.goals, { uid: nextUid(), text: emptyPair() }] }))}>
            {t('editor.addGoal')}
          </button>
        </fieldset>

        <fieldset className="panel">
          <legend>{t('editor.milestones')} *</legend>
          <p className="field__hint">{t('editor.milestonesHint')}</p>
          {listProblem('milestones')}
          <ol className="editor-list">
            {state.milestones.map((milestone, index) => {
              const number = formatNumber(index + 1);
              const legend = t('editor.milestone', { number });
              const set = (change: Partial<typeof milestone>) =>
                update((s) => ({ ...s, milestones: s.milestones.map((m) => (m.uid === milestone.uid ? { ...m, ...change } : m)) }));
              return (
                <li key={milestone.uid}>
                  <fieldset className="editor-item">
                    <legend>{legend}</legend>
                    {pairFields({ zh: t('editor.milestoneTitleZh', { number }), en: t('editor.milestoneTitleEn', { number }) }, milestone.title, (title) => set({ title }), `milestones.${index}.title`, {
                      required: true,
                    })}
                    {pairFields({ zh: t('editor.promptZh', { number }), en: t('editor.promptEn', { number }) }, milestone.prompt, (prompt) => set({ prompt }), `milestones.${index}.prompt`, {
                      multiline: true,
                      required: true,
                    })}
                    {pairFields({ zh: t('editor.handInZh', { number }), en: t('editor.handInEn', { number }) }, milestone.handIn, (handIn) => set({ handIn }), `milestones.${index}.handIn`, {
                      multiline: true,
                    })}
                    <div className="form-actions">
                      <ItemButton
                        disabled={index === 0}
                        onClick={() => update((s) => ({ ...s, milestones: move(s.milestones, index, index - 1) }))}
                        label={t('editor.moveUp')}
                        context={legend}
                      />
                      <ItemButton
                        disabled={index === state.milestones.length - 1}
                        onClick={() => update((s) => ({ ...s, milestones: move(s.milestones, index, index + 1) }))}
                        label={t('editor.moveDown')}
                        context={legend}
                      />
                      <ItemButton
                        onClick={() => update((s) => ({ ...s, milestones: s.milestones.filter((m) => m.uid !== milestone.uid) }))}
                        label={t('editor.remove')}
                        context={legend}
                      />
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button button--secondary" onClick={() => update((s) => ({ ...s, milestones: [...s.milestones, newMilestone()] }))}>
            {t('editor.addMilestone')}
          </button>
        </fieldset>

        <fieldset className="panel">
          <legend>{t('editor.rubric')} *</legend>
          <p className="field__hint">{t('editor.rubricHint')}</p>
          {listProblem('rubric')}
          {state.rubric.map((criterion, index) => {
            const number = formatNumber(index + 1);
            const legend = t('editor.criterion', { number });
            const setCriterion = (change: (c: typeof criterion) => typeof criterion) =>
              update((s) => ({ ...s, rubric: s.rubric.map((c) => (c.uid === criterion.uid ? change(c) : c)) }));
            return (
              <fieldset key={criterion.uid} className="editor-item">
                <legend>{legend}</legend>
                {pairFields(
                  { zh: t('editor.criterionTitleZh', { number }), en: t('editor.criterionTitleEn', { number }) },
                  criterion.title,
                  (title) => setCriterion((c) => ({ ...c, title })),
                  `rubric.${index}.title`,
                  { required: true },
                )}
                {listProblem(`rubric.${index}.levels`)}
                <div className="rubric-levels">
                  {criterion.levels.map((level, levelIndex) => {
                    const labels = { criterion: number, level: formatNumber(levelIndex + 1) };
                    const setLevel = (change: Partial<typeof level>) =>
                      setCriterion((c) => ({ ...c, levels: c.levels.map((l) => (l.uid === level.uid ? { ...l, ...change } : l)) }));
                    const levelLegend = t('editor.levelLegend', labels);
                    return (
                      <fieldset key={level.uid} className="editor-level">
                        <legend>{t('editor.level', { number: labels.level })}</legend>
                        <TextField
                          label={`${t('editor.points', labels)} *`}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={100}
                          step={1}
                          value={level.points}
                          onChange={(event) => setLevel({ points: event.target.value })}
                          error={problem(`rubric.${index}.levels.${levelIndex}.points`)}
                        />
                        {pairFields(
                          { zh: t('editor.descriptorZh', labels), en: t('editor.descriptorEn', labels) },
                          level.descriptor,
                          (descriptor) => setLevel({ descriptor }),
                          `rubric.${index}.levels.${levelIndex}.descriptor`,
                          { multiline: true, required: true },
                        )}
                        <ItemButton onClick={() => setCriterion((c) => ({ ...c, levels: c.levels.filter((l) => l.uid !== level.uid) }))} label={t('editor.remove')} context={levelLegend} />
                      </fieldset>
                    );
                  })}
                </div>
                <div className="form-actions">
                  <ItemButton onClick={() => setCriterion((c) => ({ ...c, levels: [...c.levels, newLevel()] }))} label={t('editor.addLevel')} context={legend} />
                  <ItemButton onClick={() => update((s) => ({ ...s, rubric: s.rubric.filter((c) => c.uid !== criterion.uid) }))} label={t('editor.remove')} context={legend} />
                </div>
              </fieldset>
            );
          })}
          <button type="button" className="button button--secondary" onClick={() => update((s) => ({ ...s, rubric: [...s.rubric, newCriterion()] }))}>
            {t('editor.addCriterion')}
          </button>
        </fieldset>

        {problems.size > 0 && (
          <p className="form-error" role="alert">
            {t('editor.hasProblems', { count: formatNumber(problems.size) })}
          </p>
        )}
        {failure !== null && (
          <p className="form-error" role="alert">
            {errorMessage(failure)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--large" disabled={creating || updating}>
            {creating || updating ? t('common.saving') : t('editor.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A small button whose visible word is the start of its name; the rest says which item it acts on. */
function ItemButton({ label, context, onClick, disabled = false }: { label: string; context: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="button button--small button--secondary" aria-label={`${label} ${context}`} onClick={onClick} disabled={disabled}>
      {label}
    </button>
  );
}
