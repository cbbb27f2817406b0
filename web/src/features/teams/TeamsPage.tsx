import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, fieldErrorOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { teamsMessages } from './messages';

const TeamsPageQuery = graphql(`
  query TeamsPage($assignmentId: ID!, $classId: ID!) {
    assignment(id: $assignmentId) {
      id
      classId
      mode
      title {
        zh
        en
      }
      teams {
        id
        name
        members {
          id
        }
      }
    }
    classRoster(classId: $classId) {
      pupils {
        id
        displayName
        disabled
      }
    }
  }
`);

const MakeBalancedTeamsMutation = graphql(`
  mutation MakeBalancedTeams($input: MakeBalancedTeamsInput!) {
    makeBalancedTeams(input: $input) {
      teams {
        id
        name
        members {
          id
        }
      }
    }
  }
`);

const SetTeamsMutation = graphql(`
  mutation SetTeams($input: SetTeamsInput!) {
    setTeams(input: $input) {
      teams {
        id
        name
        members {
          id
        }
      }
    }
  }
`);

interface DraftTeam {
  key: string;
  name: string;
  pupilIds: string[];
}

type ServerTeam = { id: string; name: string; members: { id: string }[] };

const toDraft = (teams: readonly ServerTeam[]): DraftTeam[] => teams.map((team) => ({ key: team.id, name: team.name, pupilIds: team.members.map((member) => member.id) }));

/**
 * The teacher forms the teams of a team project: random and even with one button, then adjusted
 * by choosing each pupil's team from a list (usable from the keyboard, unlike dragging).
 */
export function TeamsPage() {
  const { classId = '', assignmentId = '' } = useParams();
  const { t, errorMessage, language, formatNumber } = useFeatureI18n(teamsMessages);
  const { data, error, refetch } = useQuery(TeamsPageQuery, { variables: { assignmentId, classId } });
  const [teams, setTeams] = useState<DraftTeam[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [size, setSize] = useState('4');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [makeBalanced, balancing] = useMutation(MakeBalancedTeamsMutation);
  const [saveTeams, saving] = useMutation(SetTeamsMutation);
  const title = data ? (pickLocalized(data.assignment.title, language)?.text ?? '') : '';
  usePageTitle(t('teams.title', { title }));

  useEffect(() => {
    if (data && teams === null) setTeams(toDraft(data.assignment.teams));
  }, [data, teams]);

  if (error && errorCodeOf(error) === 'NOT_FOUND') return <NotFoundPage />;
  if (!data || !teams) return <section className="page">{error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}</section>;
  const { assignment } = data;
  const pupils = data.classRoster.pupils.filter((pupil) => !pupil.disabled);
  const teamOf = (pupilId: string) => teams.find((team) => team.pupilIds.includes(pupilId))?.key ?? '';
  const unassigned = pupils.filter((pupil) => teamOf(pupil.id) === '').length;

  const failed = (caught: unknown) => {
    if (errorCodeOf(caught) === 'CONFLICT') setProblem(t('teams.started'));
    else if (fieldErrorOf(caught)?.field === 'teamSize') setProblem(t('teams.sizeProblem'));
    else if (fieldErrorOf(caught)?.field.endsWith('.name')) setProblem(t('teams.nameProblem'));
    else setProblem(errorMessage(caught));
  };

  const edit = (change: (current: DraftTeam[]) => DraftTeam[]) => {
    setTeams((current) => change(current ?? []));
    setDirty(true);
    setNotice(null);
  };

  const moveTo = (pupilId: string, teamKey: string) =>
    edit((current) => current.map((team) => ({ ...team, pupilIds: team.key === teamKey ? [...team.pupilIds.filter((id) => id !== pupilId), pupilId] : team.pupilIds.filter((id) => id !== pupilId) })));

  const balance = async () => {
    setConfirming(false);
    setProblem(null);
    const teamSize = Number(size);
    if (!Number.isInteger(teamSize) || teamSize < 2 || teamSize > 8) {
      setProblem(t('teams.sizeProblem'));
      return;
    }
    try {
      const { data: made } = await makeBalanced({ variables: { input: { assignmentId, teamSize } } });
      if (made) {
        setTeams(toDraft(made.makeBalancedTeams.teams));
        setDirty(false);
        setNotice(t('teams.saved'));
      }
    } catch (caught) {
      failed(caught);
    }
  };

  const save = async () => {
    setProblem(null);
    if (teams.some((team) => team.name.trim() === '' || team.name.trim().length > 60)) {
      setProblem(t('teams.nameProblem'));
      return;
    }
    try {
      const { data: saved } = await saveTeams({ variables: { input: { assignmentId, teams: teams.map((team) => ({ name: team.name.trim(), pupilIds: team.pupilIds })) } } });
      if (saved) {
        setTeams(toDraft(saved.setTeams.teams));
        setDirty(false);
        setNotice(t('teams.saved'));
      }
    } catch (caught) {
      failed(caught);
    }
  };

  return (
    <section className="page teams-page" aria-labelledby="teams-heading">
      <p className="back-link">
        <Link to={`/classes/${assignment.classId}`}>← {t('teams.back')}</Link>
      </p>
      <h1 id="teams-heading">{t('teams.title', { title })}</h1>
      {assignment.mode !== 'TEAM' ? (
        <p>{t('teams.notTeamWork')}</p>
      ) : (
        <>
          <p className="page__intro">{t('teams.intro')}</p>
          <div role="status" aria-live="polite">
            {notice && <p className="notice">{notice}</p>}
            {dirty && <p>{t('teams.unsaved')}</p>}
          </div>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}

          <section className="panel" aria-labelledby="teams-balanced-heading">
            <h2 id="teams-balanced-heading">{t('teams.balanced')}</h2>
            <div className="form-grid">
              <TextField label={t('teams.size')} hint={t('teams.sizeHint')} type="number" min={2} max={8} inputMode="numeric" value={size} onChange={(event) => setSize(event.target.value)} />
              <div className="form-actions">
                <button type="button" className="button button--secondary" disabled={balancing.loading} onClick={() => (teams.length > 0 ? setConfirming(true) : void balance())}>
                  {t('teams.makeBalanced')}
                </button>
              </div>
            </div>
          </section>

          <section aria-labelledby="teams-by-hand-heading">
            <h2 id="teams-by-hand-heading">{t('teams.byHand')}</h2>
            <ul className="teams-page__teams">
              {teams.map((team, index) => (
                <li key={team.key} className="card teams-page__team">
                  <TextField label={t('teams.teamName', { number: index + 1 })} value={team.name} onChange={(event) => edit((current) => current.map((other) => (other.key === team.key ? { ...other, name: event.target.value } : other)))} />
                  <p className="card__meta">{team.pupilIds.length === 0 ? t('teams.emptyTeam') : t('teams.members', { count: formatNumber(team.pupilIds.length) })}</p>
                  <p>{team.pupilIds.map((id) => pupils.find((pupil) => pupil.id === id)?.displayName ?? '').join('、')}</p>
                  {team.pupilIds.length === 0 && (
                    <button type="button" className="button button--secondary button--small" onClick={() => edit((current) => current.filter((other) => other.key !== team.key))}>
                      {t('teams.removeTeam', { name: team.name || t('teams.newTeamName', { number: index + 1 }) })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => edit((current) => [...current, { key: `new-${Date.now()}`, name: t('teams.newTeamName', { number: current.length + 1 }), pupilIds: [] }])}
              >
                {t('teams.addTeam')}
              </button>
            </p>
            {unassigned > 0 && <p className="notice">{t('teams.unassigned', { count: formatNumber(unassigned) })}</p>}
            <TableScroll label={t('teams.pupils')}>
              <table className="table">
                <caption className="visually-hidden">{t('teams.pupils')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('teams.col.pupil')}</th>
                    <th scope="col">{t('teams.col.team')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pupils.map((pupil) => (
                    <tr key={pupil.id}>
                      <th scope="row">{pupil.displayName}</th>
                      <td>
                        <SelectField label={<span className="visually-hidden">{t('teams.teamOf', { name: pupil.displayName })}</span>} value={teamOf(pupil.id)} onChange={(event) => moveTo(pupil.id, event.target.value)}>
                          <option value="">{t('teams.noTeam')}</option>
                          {teams.map((team, index) => (
                            <option key={team.key} value={team.key}>
                              {team.name || t('teams.newTeamName', { number: index + 1 })}
                            </option>
                          ))}
                        </SelectField>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <div className="form-actions">
              <button type="button" className="button" disabled={saving.loading || !dirty} onClick={() => void save()}>
                {saving.loading ? t('teams.saving') : t('teams.save')}
              </button>
            </div>
          </section>
          <ConfirmDialog open={confirming} title={t('teams.replaceTitle')} confirmLabel={t('teams.replace')} busy={balancing.loading} onConfirm={() => void balance()} onCancel={() => setConfirming(false)}>
            <p>{t('teams.replaceBody')}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
