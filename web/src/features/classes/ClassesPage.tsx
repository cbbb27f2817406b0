import { useMutation, useQuery } from '@apollo/client/react';
import { isSchoolYear, MAX_CLASS_NAME_LENGTH, MAX_GRADE, MIN_GRADE } from '@lmr/domain';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { classesMessages } from './messages';
import { currentSchoolYear } from './schoolYear';

const MyClassesQuery = graphql(`
  query MyClasses {
    classes {
      id
      name
      grade
      schoolYear
      pupilCount
      archivedAt
      school {
        id
        name
      }
    }
  }
`);

const CreateClassMutation = graphql(`
  mutation CreateClass($input: CreateClassInput!) {
    createClass(input: $input) {
      class {
        id
      }
    }
  }
`);

const grades = Array.from({ length: MAX_GRADE - MIN_GRADE + 1 }, (_, i) => MIN_GRADE + i);

export function ClassesPage() {
  const { t, formatNumber } = useFeatureI18n(classesMessages);
  usePageTitle(t('classes.title'));
  const { data, error, refetch } = useQuery(MyClassesQuery);

  return (
    <section className="page" aria-labelledby="classes-heading">
      <h1 id="classes-heading">{t('classes.title')}</h1>
      <p className="page__intro">{t('classes.intro')}</p>
      {!data && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!data && !error && <Loading />}
      {data && data.classes.length === 0 && <p className="empty-state">{t('classes.empty')}</p>}
      {data && data.classes.length > 0 && (
        <ul className="card-grid" aria-label={t('classes.list')}>
          {data.classes.map((item) => (
            <li key={item.id}>
              <article className="card">
                <h2 className="card__title">
                  <Link to={`/classes/${encodeURIComponent(item.id)}`} className="card__link">
                    {item.name}
                  </Link>
                </h2>
                <p className="card__meta">
                  {[t('classes.grade', { grade: formatNumber(item.grade) }), item.schoolYear, t('classes.pupils', { count: formatNumber(item.pupilCount) })].join(' · ')}
                </p>
                <p className="card__meta">{item.school.name}</p>
                {item.archivedAt != null && <p className="badge">{t('classes.archived')}</p>}
              </article>
            </li>
          ))}
        </ul>
      )}
      <CreateClassForm />
    </section>
  );
}

function CreateClassForm() {
  const { t, formatNumber, errorMessage } = useFeatureI18n(classesMessages);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [grade, setGrade] = useState('');
  const [schoolYear, setSchoolYear] = useState(currentSchoolYear);
  const [problems, setProblems] = useState<Partial<Record<'name' | 'grade' | 'schoolYear', string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [createClass, { loading }] = useMutation(CreateClassMutation, { refetchQueries: ['MyClasses'] });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    const found: typeof problems = {};
    if (trimmed === '') found.name = t('classes.nameRequired');
    else if ([...trimmed].length > MAX_CLASS_NAME_LENGTH) found.name = t('classes.nameTooLong');
    if (!grade) found.grade = t('classes.gradeInvalid');
    if (!isSchoolYear(schoolYear.trim())) found.schoolYear = t('classes.schoolYearInvalid');
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      const { data } = await createClass({ variables: { input: { name: trimmed, grade: Number(grade), schoolYear: schoolYear.trim() } } });
      if (data) await navigate(`/classes/${encodeURIComponent(data.createClass.class.id)}`);
    } catch (error) {
      const field = fieldErrorOf(error)?.field;
      if (field === 'name') setProblems({ name: t('classes.nameTooLong') });
      else if (field === 'grade') setProblems({ grade: t('classes.gradeInvalid') });
      else if (field === 'schoolYear') setProblems({ schoolYear: t('classes.schoolYearInvalid') });
      else setFailure(error);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-class-heading">
      <h2 id="create-class-heading">{t('classes.create')}</h2>
      <form className="form-grid" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('classes.name')} hint={t('classes.nameHint')} name="name" value={name} onChange={(event) => setName(event.target.value)} error={problems.name} required />
        <SelectField label={t('classes.gradeLabel')} name="grade" value={grade} onChange={(event) => setGrade(event.target.value)} error={problems.grade} required>
          <option value="">—</option>
          {grades.map((value) => (
            <option key={value} value={value}>
              {t('classes.grade', { grade: formatNumber(value) })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('classes.schoolYear')}
          hint={t('classes.schoolYearHint')}
          name="schoolYear"
          inputMode="numeric"
          value={schoolYear}
          onChange={(event) => setSchoolYear(event.target.value)}
          error={problems.schoolYear}
          required
        />
        {failure !== null && <p className="form-error" role="alert">{errorMessage(failure)}</p>}
        <div className="form-actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? t('common.saving') : t('classes.createSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
