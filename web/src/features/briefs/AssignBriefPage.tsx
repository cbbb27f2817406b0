import { useMutation, useQuery } from '@apollo/client/react';
import { DEFAULT_TIME_ZONE } from '@lmr/domain';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorCodeOf, fieldErrorOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { MuseumSessionKind, WorkMode } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { briefsMessages } from './messages';

const AssignBriefQuery = graphql(`
  query AssignBrief($id: ID!) {
    brief(id: $id) {
      id
      title {
        zh
        en
      }
      milestones {
        key
        title {
          zh
          en
        }
      }
    }
    classes {
      id
      name
      archivedAt
      school {
        id
        timeZone
      }
    }
  }
`);

const CreateAssignmentMutation = graphql(`
  mutation CreateAssignment($input: CreateAssignmentInput!) {
    createAssignment(input: $input) {
      assignment {
        id
        classId
      }
    }
  }
`);

type Problems = Record<string, string>;

/**
 * Dates are typed as the school's wall-clock ("2026-12-01", "2026-12-05T09:30"), exactly as
 * the API takes them, so a teacher travelling abroad still sets the school's dates.
 */
export function AssignBriefPage() {
  const { t, language, errorMessage } = useFeatureI18n(briefsMessages);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const radioName = useId();
  const { data, error, refetch } = useQuery(AssignBriefQuery, { variables: { id } });
  const [classId, setClassId] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [milestoneDue, setMilestoneDue] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<WorkMode>('INDIVIDUAL');
  const [sessionKind, setSessionKind] = useState<MuseumSessionKind | ''>('');
  const [sessionAt, setSessionAt] = useState('');
  const [sessionPlace, setSessionPlace] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [createAssignment, { loading }] = useMutation(CreateAssignmentMutation);
  const briefTitle = data ? (pickLocalized(data.brief.title, language)?.text ?? '') : '';
  usePageTitle(data ? t('assign.title', { title: briefTitle }) : t('brief.assign'));

  if (!data) {
    return <section className="page page--narrow">{error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}</section>;
  }

  const classes = data.classes.filter((item) => item.archivedAt == null);
  const chosen = classes.find((item) => item.id === classId);
  const zone = chosen?.school.timeZone ?? classes[0]?.school.timeZone ?? DEFAULT_TIME_ZONE;
  const milestones = data.brief.milestones;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found: Problems = {};
    if (!classId) found.classId = t('assign.required');
    if (!startsAt) found.startsAt = t('assign.required');
    if (!dueAt) found.dueAt = t('assign.required');
    else if (startsAt && dueAt < startsAt) found.dueAt = t('assign.dueBeforeStart');
    const dated = milestones.filter((milestone) => milestoneDue[milestone.key]);
    for (const milestone of dated) {
      const date = milestoneDue[milestone.key]!;
      if ((startsAt && date < startsAt) || (dueAt && date > dueAt)) found[`milestone:${milestone.key}`] = t('assign.outsideDates');
    }
    if (sessionKind) {
      if (!sessionAt) found.sessionAt = t('assign.required');
      if (!sessionPlace.trim()) found.sessionPlace = t('assign.placeRequired');
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      const { data: made } = await createAssignment({
        variables: {
          input: {
            briefId: data.brief.id,
            classId,
            startsAt,
            dueAt,
            mode,
            milestoneDueDates: dated.map((milestone) => ({ milestoneKey: milestone.key, dueAt: milestoneDue[milestone.key]! })),
            ...(sessionKind ? { museumSession: { kind: sessionKind, at: sessionAt, place: sessionPlace.trim() } } : {}),
          },
        },
      });
      if (made) await navigate(`/classes/${encodeURIComponent(made.createAssignment.assignment.classId)}`);
    } catch (caught) {
      const field = fieldErrorOf(caught)?.field ?? '';
      const milestoneIndex = /^milestoneDueDates\.(\d+)/.exec(field);
      if (milestoneIndex) {
        const milestone = dated[Number(milestoneIndex[1])];
        setProblems(milestone ? { [`milestone:${milestone.key}`]: t('assign.outsideDates') } : {});
      } else if (field === 'dueAt') setProblems({ dueAt: t('assign.dueBeforeStart') });
      else if (field === 'startsAt') setProblems({ startsAt: t('assign.invalidDate') });
      else if (field === 'museumSession.at') setProblems({ sessionAt: t('assign.invalidDate') });
      else if (field === 'museumSession.place') setProblems({ sessionPlace: t('assign.placeRequired') });
      else if (field === 'classId' || errorCodeOf(caught) === 'FORBIDDEN') setProblems({ classId: t('assign.classNotAllowed') });
      else setFailure(caught);
    }
  };

  return (
    <section className="page page--narrow" aria-labelledby="assign-heading">
      <p className="back-link">
        <Link to={`/briefs/${encodeURIComponent(data.brief.id)}`}>← {briefTitle}</Link>
      </p>
      <h1 id="assign-heading">{t('assign.title', { title: briefTitle })}</h1>
      {classes.length === 0 ? (
        <p className="empty-state">{t('assign.noClasses')}</p>
      ) : (
        <>
          <p className="page__intro">{t('assign.intro', { zone })}</p>
          <form className="form-card" onSubmit={(event) => void submit(event)} noValidate>
            <SelectField label={t('assign.class')} name="classId" value={classId} onChange={(event) => setClassId(event.target.value)} error={problems.classId} required>
              <option value="">{t('assign.chooseClass')}</option>
              {classes.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </SelectField>
            <div className="form-grid">
              <TextField label={t('assign.startsAt')} type="date" name="startsAt" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} error={problems.startsAt} required />
              <TextField label={t('assign.dueAt')} type="date" name="dueAt" value={dueAt} min={startsAt || undefined} onChange={(event) => setDueAt(event.target.value)} error={problems.dueAt} required />
            </div>
            {milestones.length > 0 && (
              <fieldset className="editor-item">
                <legend>{t('assign.milestoneDates')}</legend>
                <div className="form-grid">
                  {milestones.map((milestone, index) => (
                    <TextField
                      key={milestone.key}
                      label={t('assign.milestoneDue', { number: index + 1, title: pickLocalized(milestone.title, language)?.text ?? '' })}
                      type="date"
                      value={milestoneDue[milestone.key] ?? ''}
                      min={startsAt || undefined}
                      max={dueAt || undefined}
                      onChange={(event) => setMilestoneDue((current) => ({ ...current, [milestone.key]: event.target.value }))}
                      error={problems[`milestone:${milestone.key}`]}
                    />
                  ))}
                </div>
              </fieldset>
            )}
            <fieldset className="editor-item">
              <legend>{t('assign.mode')}</legend>
              {(['INDIVIDUAL', 'TEAM'] as const).map((option) => (
                <label key={option} className="choice">
                  <input type="radio" name={radioName} value={option} checked={mode === option} onChange={() => setMode(option)} />
                  {t(option === 'TEAM' ? 'assign.team' : 'assign.individual')}
                </label>
              ))}
            </fieldset>
            <fieldset className="editor-item">
              <legend>{t('assign.session')}</legend>
              <SelectField label={t('assign.sessionKind')} value={sessionKind} onChange={(event) => setSessionKind(event.target.value as MuseumSessionKind | '')}>
                <option value="">{t('assign.noSession')}</option>
                <option value="MUSEUM_VISIT">{t('assign.MUSEUM_VISIT')}</option>
                <option value="SCHOOL_LESSON">{t('assign.SCHOOL_LESSON')}</option>
              </SelectField>
              {sessionKind && (
                <div className="form-grid">
                  <TextField label={t('assign.sessionAt')} type="datetime-local" value={sessionAt} onChange={(event) => setSessionAt(event.target.value)} error={problems.sessionAt} required />
                  <TextField label={t('assign.sessionPlace')} value={sessionPlace} onChange={(event) => setSessionPlace(event.target.value)} error={problems.sessionPlace} required />
                </div>
              )}
            </fieldset>
            {failure !== null && (
              <p className="form-error" role="alert">
                {errorMessage(failure)}
              </p>
            )}
            <button type="submit" className="button" disabled={loading}>
              {loading ? t('common.saving') : t('assign.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
