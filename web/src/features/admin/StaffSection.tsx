import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { CopyLink } from '../../ui/CopyLink';
import { QueryTable } from '../../ui/QueryTable';
import { adminMessages } from './messages';

const AdminStaffQuery = graphql(`
  query AdminStaff {
    staffMembers {
      id
      displayName
      email
      role
      disabled
      school {
        id
        name
      }
    }
  }
`);

const SetAccountDisabledMutation = graphql(`
  mutation SetAccountDisabled($input: SetAccountDisabledInput!) {
    setAccountDisabled(input: $input) {
      account {
        id
        disabled
      }
    }
  }
`);

const CreatePasswordResetMutation = graphql(`
  mutation CreatePasswordReset($input: CreatePasswordResetInput!) {
    createPasswordReset(input: $input) {
      resetPath
      expiresAt
    }
  }
`);

interface ResetLink {
  name: string;
  url: string;
  expiresAt: string;
}

export function StaffSection() {
  const { t, errorMessage, formatDate } = useFeatureI18n(adminMessages);
  const { data, error, refetch } = useQuery(AdminStaffQuery);
  const [setDisabled] = useMutation(SetAccountDisabledMutation);
  const [createReset] = useMutation(CreatePasswordResetMutation);
  const [resetLink, setResetLink] = useState<ResetLink | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const toggle = async (id: string, disabled: boolean) => {
    setFailure(null);
    try {
      await setDisabled({ variables: { input: { accountId: id, disabled } } });
    } catch (caught) {
      setFailure(errorCodeOf(caught) === 'FORBIDDEN' ? t('staff.cannotDisableSelf') : errorMessage(caught));
    }
  };

  const makeResetLink = async (id: string, name: string) => {
    setFailure(null);
    setResetLink(null);
    try {
      const { data: made } = await createReset({ variables: { input: { accountId: id } } });
      if (made) {
        setResetLink({ name, url: `${window.location.origin}${made.createPasswordReset.resetPath}`, expiresAt: String(made.createPasswordReset.expiresAt) });
      }
    } catch (caught) {
      setFailure(errorMessage(caught));
    }
  };

  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t('staff.list')}</h2>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {resetLink && (
        <div className="panel">
          <CopyLink
            label={t('staff.resetLinkReady', {
              name: resetLink.name,
              expires: formatDate(resetLink.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
            url={resetLink.url}
          />
        </div>
      )}
      <QueryTable
        label={t('staff.list')}
        columns={[t('staff.col.name'), t('staff.col.email'), t('staff.col.role'), t('staff.col.school'), t('staff.col.status'), t('staff.col.actions')]}
        rows={data?.staffMembers}
        error={error}
        onRetry={() => void refetch()}
      >
        {(member) => (
          <tr key={member.id}>
            <th scope="row">{member.displayName}</th>
            <td>{member.email ?? ''}</td>
            <td>{t(`role.${member.role}`)}</td>
            <td>{member.school?.name ?? ''}</td>
            <td>{member.disabled ? t('staff.disabled') : t('staff.active')}</td>
            <td>
              <div className="form-actions">
                <button
                  type="button"
                  className={`button button--small ${member.disabled ? 'button--secondary' : 'button--danger'}`}
                  aria-label={t(member.disabled ? 'staff.enableFor' : 'staff.disableFor', { name: member.displayName })}
                  onClick={() => void toggle(member.id, !member.disabled)}
                >
                  {member.disabled ? t('staff.enable') : t('staff.disable')}
                </button>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-label={t('staff.resetLinkFor', { name: member.displayName })}
                  onClick={() => void makeResetLink(member.id, member.displayName)}
                >
                  {t('staff.resetLink')}
                </button>
              </div>
            </td>
          </tr>
        )}
      </QueryTable>
    </section>
  );
}
