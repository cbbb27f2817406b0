import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { MyTeam_TeamFragment } from '../../gql/graphql';
import { SelectField } from '../../ui/Field';
import { teamsMessages } from './messages';

graphql(`
  fragment MyTeam_team on Team {
    id
    name
    members {
      id
      displayName
    }
  }
`);

const JoinTeamMutation = graphql(`
  mutation JoinTeam($input: JoinTeamInput!) {
    joinTeam(input: $input) {
      teams {
        ...MyTeam_team
      }
    }
  }
`);

interface MyTeamProps {
  teams: readonly MyTeam_TeamFragment[];
  /** Once the team has handed in work, the API refuses moves; the page says so up front. */
  locked: boolean;
  onMoved: () => void;
}

/** On a team project, the pupil sees their team and may move to another before it hands in. */
export function MyTeam({ teams, locked, onMoved }: MyTeamProps) {
  const { t, errorMessage } = useFeatureI18n(teamsMessages);
  const viewer = useViewer();
  const myId = viewer.status === 'signedIn' ? viewer.me.id : '';
  const mine = teams.find((team) => team.members.some((member) => member.id === myId)) ?? null;
  const others = teams.filter((team) => team.id !== mine?.id);
  const [choice, setChoice] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [join, { loading }] = useMutation(JoinTeamMutation);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const team = teams.find((other) => other.id === choice);
    if (!team) return;
    setProblem(null);
    try {
      await join({ variables: { input: { teamId: team.id } } });
      setNotice(t('myTeam.joined', { name: team.name }));
      setChoice('');
      onMoved();
    } catch (caught) {
      setProblem(errorCodeOf(caught) === 'CONFLICT' ? t('myTeam.locked') : errorMessage(caught));
    }
  };

  return (
    <section className="panel my-team" aria-labelledby="my-team-heading">
      <h2 id="my-team-heading">{mine ? `${t('myTeam.title')}：${mine.name}` : t('myTeam.title')}</h2>
      {mine ? <p>{t('myTeam.members', { names: mine.members.map((member) => member.displayName).join('、') })}</p> : <p>{t('myTeam.none')}</p>}
      <p role="status">{notice ?? ''}</p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {locked ? (
        mine && <p className="card__meta">{t('myTeam.locked')}</p>
      ) : (
        others.length > 0 && (
          <form className="inline-form" onSubmit={(event) => void submit(event)}>
            <SelectField label={mine ? t('myTeam.move') : t('myTeam.choose')} value={choice} onChange={(event) => setChoice(event.target.value)}>
              <option value="">{t('myTeam.choose')}</option>
              {others.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button button--secondary" disabled={loading || choice === ''}>
              {t('myTeam.join')}
            </button>
          </form>
        )
      )}
    </section>
  );
}
