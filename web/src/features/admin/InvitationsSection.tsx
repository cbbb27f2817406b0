import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorCodeOf, fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { CopyLink } from '../../ui/CopyLink';
import { SelectField, TextField } from '../../ui/Field';
import { QueryTable } from '../../ui/QueryTable';
import { adminMessages } from './messages';

const AdminInvitationsQuery = graphql(`
  query AdminInvitations {
    invitations {
      id
      email
      role
      accepted
      createdAt
      expiresAt
      school {
        id
        name
      }
    }
    schools {
      id
      name
    }
  }
`);

const CreateInvitationMutation = graphql(`
  mutation CreateInvitation($input: CreateInvitationInput!) {
    createInvitation(input: $input) {
      acceptPath
      invitation {
        id
        email
      }
    }
  }
`);

const staffRoles: readonly Role[] = ['TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN'];
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function InvitationsSection() {
  const { t, errorMessage, formatDate } = useFeatureI18n(adminMessages);
  const { data, error, refetch } = useQuery(AdminInvitationsQuery);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('TEACHER');
  const [schoolId, setSchoolId] = useState('');
  const [problems, setProblems] = useState<Partial<Record<'email' | 'schoolId', string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [createInvitation, { loading }] = useMutation(CreateInvitationMutation, { refetchQueries: ['AdminInvitations'] });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setLink(null);
    const found: typeof problems = {};
    if (!emailShape.test(email.trim())) found.email = t('invitations.emailInvalid');
    if (role === 'TEACHER' && !schoolId) found.schoolId = t('invitations.schoolRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      const { data: made } = await createInvitation({
        variables: { input: { email: email.trim(), role, ...(role === 'TEACHER' ? { schoolId } : {}) } },
      });
      if (made) {
        setLink({ email: made.createInvitation.invitation.email, url: `${window.location.origin}${made.createInvitation.acceptPath}` });
        setEmail('');
      }
    } catch (caught) {
      const field = fieldErrorOf(caught)?.field;
      if (errorCodeOf(caught) === 'CONFLICT') setProblems({ email: t('invitations.emailTaken') });
      else if (field === 'email') setProblems({ email: t('invitations.emailInvalid') });
      else if (field === 'schoolId') setProblems({ schoolId: t('invitations.schoolRequired') });
      else setFailure(caught);
    }
  };

  const now = Date.now();

  return (
    <>
      <section className="panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('invitations.create')}</h2>
        <p className="field__hint">{t('invitations.intro')}</p>
        <form className="form-grid" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            label={t('invitations.email')}
            type="email"
            name="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={problems.email}
            required
          />
          <SelectField label={t('invitations.role')} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {staffRoles.map((option) => (
              <option key={option} value={option}>
                {t(`role.${option}`)}
              </option>
            ))}
          </SelectField>
          {role === 'TEACHER' && (
            <SelectField
              label={t('invitations.school')}
              hint={t('invitations.schoolHint')}
              name="schoolId"
              value={schoolId}
              onChange={(event) => setSchoolId(event.target.value)}
              error={problems.schoolId}
              required
            >
              <option value="">{t('invitations.chooseSchool')}</option>
              {data?.schools.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </SelectField>
          )}
          {failure !== null && (
            <p className="form-error" role="alert">
              {errorMessage(failure)}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button" disabled={loading}>
              {t('invitations.submit')}
            </button>
          </div>
        </form>
        {link && <CopyLink label={t('invitations.link', { email: link.email })} url={link.url} />}
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('invitations.list')}</h2>
        <QueryTable
          label={t('invitations.list')}
          columns={[t('invitations.col.email'), t('invitations.col.role'), t('invitations.col.school'), t('invitations.col.expires'), t('invitations.col.status')]}
          rows={data?.invitations}
          error={error}
          onRetry={() => void refetch()}
          empty={t('invitations.empty')}
        >
          {(invitation) => {
            const expired = new Date(String(invitation.expiresAt)).getTime() < now;
            return (
              <tr key={invitation.id}>
                <th scope="row">{invitation.email}</th>
                <td>{t(`role.${invitation.role}`)}</td>
                <td>{invitation.school?.name ?? ''}</td>
                <td>{formatDate(String(invitation.expiresAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{invitation.accepted ? t('invitations.accepted') : expired ? t('invitations.expired') : t('invitations.pending')}</td>
              </tr>
            );
          }}
        </QueryTable>
      </section>
    </>
  );
}
