import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { TextField } from '../../ui/Field';
import { QueryTable } from '../../ui/QueryTable';
import { adminMessages } from './messages';

const AdminSchoolsQuery = graphql(`
  query AdminSchools {
    schools {
      id
      name
      district
      timeZone
    }
  }
`);

const CreateSchoolMutation = graphql(`
  mutation CreateSchool($input: CreateSchoolInput!) {
    createSchool(input: $input) {
      school {
        id
        name
        district
        timeZone
      }
    }
  }
`);

const RenameSchoolMutation = graphql(`
  mutation RenameSchool($input: UpdateSchoolInput!) {
    updateSchool(input: $input) {
      school {
        id
        name
      }
    }
  }
`);

type Problems = Partial<Record<'name' | 'timeZone', string>>;

function useSchoolProblem() {
  const { t } = useFeatureI18n(adminMessages);
  return (error: unknown): Problems | null => {
    const field = fieldErrorOf(error)?.field;
    if (field === 'name') return { name: t('schools.nameTooLong') };
    if (field === 'timeZone') return { timeZone: t('schools.timeZoneInvalid') };
    return null;
  };
}

export function SchoolsSection() {
  const { t } = useFeatureI18n(adminMessages);
  const { data, error, refetch } = useQuery(AdminSchoolsQuery);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <section aria-labelledby="schools-heading">
        <h2 id="schools-heading">{t('schools.list')}</h2>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <QueryTable
          label={t('schools.list')}
          columns={[t('schools.col.name'), t('schools.col.district'), t('schools.col.timeZone'), t('schools.col.actions')]}
          rows={data?.schools}
          error={error}
          onRetry={() => void refetch()}
          empty={t('schools.empty')}
        >
          {(school) => (
            <tr key={school.id}>
              <th scope="row">
                {renaming === school.id ? (
                  <RenameSchoolForm
                    school={school}
                    onDone={(name) => {
                      setRenaming(null);
                      if (name) setNotice(t('schools.renamed', { name }));
                    }}
                  />
                ) : (
                  school.name
                )}
              </th>
              <td>{school.district ?? ''}</td>
              <td>{school.timeZone}</td>
              <td>
                {renaming !== school.id && (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    aria-label={t('schools.renameFor', { name: school.name })}
                    onClick={() => {
                      setNotice(null);
                      setRenaming(school.id);
                    }}
                  >
                    {t('schools.rename')}
                  </button>
                )}
              </td>
            </tr>
          )}
        </QueryTable>
      </section>
      <CreateSchoolForm onCreated={(name) => setNotice(t('schools.created', { name }))} />
    </>
  );
}

function RenameSchoolForm({ school, onDone }: { school: { id: string; name: string }; onDone: (name: string | null) => void }) {
  const { t, errorMessage } = useFeatureI18n(adminMessages);
  const problemOf = useSchoolProblem();
  const [name, setName] = useState(school.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [rename, { loading }] = useMutation(RenameSchoolMutation);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem(t('schools.nameRequired'));
      return;
    }
    try {
      await rename({ variables: { input: { schoolId: school.id, name: trimmed } } });
      onDone(trimmed);
    } catch (error) {
      setProblem(problemOf(error)?.name ?? errorMessage(error));
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField label={t('schools.newName')} value={name} onChange={(event) => setName(event.target.value)} error={problem} autoFocus required />
      <div className="form-actions">
        <button type="submit" className="button button--small" disabled={loading}>
          {t('common.save')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CreateSchoolForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t, errorMessage } = useFeatureI18n(adminMessages);
  const problemOf = useSchoolProblem();
  const [name, setName] = useState('');
  const [district, setDistrict] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [createSchool, { loading }] = useMutation(CreateSchoolMutation, { refetchQueries: ['AdminSchools'], awaitRefetchQueries: true });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const trimmed = name.trim();
    if (!trimmed) {
      setProblems({ name: t('schools.nameRequired') });
      return;
    }
    setProblems({});
    try {
      await createSchool({
        variables: { input: { name: trimmed, ...(district.trim() ? { district: district.trim() } : {}), ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}) } },
      });
      onCreated(trimmed);
      setName('');
      setDistrict('');
      setTimeZone('');
    } catch (error) {
      const found = problemOf(error);
      if (found) setProblems(found);
      else setFailure(error);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-school-heading">
      <h2 id="create-school-heading">{t('schools.create')}</h2>
      <form className="form-grid" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('schools.name')} name="name" value={name} onChange={(event) => setName(event.target.value)} error={problems.name} required />
        <TextField label={`${t('schools.district')} (${t('common.optional')})`} name="district" value={district} onChange={(event) => setDistrict(event.target.value)} />
        <TextField
          label={`${t('schools.timeZone')} (${t('common.optional')})`}
          hint={t('schools.timeZoneHint')}
          name="timeZone"
          placeholder="Asia/Shanghai"
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          error={problems.timeZone}
        />
        {failure !== null && (
          <p className="form-error" role="alert">
            {errorMessage(failure)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={loading}>
            {t('schools.createSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
