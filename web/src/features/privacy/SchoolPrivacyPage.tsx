import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { fieldErrorOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { privacyMessages } from './messages';

const SchoolPrivacyQuery = graphql(`
  query SchoolPrivacy($schoolId: ID) {
    schoolPrivacy(schoolId: $schoolId) {
      schoolId
      schoolName
      timeZone
      retentionMonths
      canEdit
      years {
        schoolYear
        classCount
        pupilCount
        pupilsInNoClass
        warnAt
        purgeAt
        stage
      }
    }
  }
`);

const SetRetentionMutation = graphql(`
  mutation SetRetentionPeriod($input: SetRetentionInput!) {
    setRetentionPeriod(input: $input) {
      privacy {
        schoolId
        retentionMonths
        years {
          schoolYear
          classCount
          pupilCount
          pupilsInNoClass
          warnAt
          purgeAt
          stage
        }
      }
    }
  }
`);

const STORED = ['account', 'work', 'grades', 'nominations'] as const;

/** A school's privacy page: what is kept about pupils, why and how long; admins set the months. */
export function SchoolPrivacyPage() {
  const { schoolId } = useParams();
  const { t, formatDate } = useFeatureI18n(privacyMessages);
  usePageTitle(t('school.title'));
  const { data, error, refetch } = useQuery(SchoolPrivacyQuery, { variables: { schoolId: schoolId ?? null } });
  const privacy = data?.schoolPrivacy;

  return (
    <section className="page" aria-labelledby="school-privacy-heading">
      <h1 id="school-privacy-heading">
        {t('school.title')}
        {privacy ? ` · ${privacy.schoolName}` : ''}
      </h1>
      <p className="page__intro">{t('school.intro')}</p>
      {!privacy && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!privacy && !error && <Loading />}
      {privacy && (
        <>
          <section aria-labelledby="stored-heading">
            <h2 id="stored-heading">{t('school.stored')}</h2>
            <TableScroll label={t('school.stored')}>
              <table className="table">
                <caption className="visually-hidden">{t('school.stored')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('school.col.what')}</th>
                    <th scope="col">{t('school.col.why')}</th>
                    <th scope="col">{t('school.col.howLong')}</th>
                  </tr>
                </thead>
                <tbody>
                  {STORED.map((item) => (
                    <tr key={item}>
                      <th scope="row">{t(`school.item.${item}`)}</th>
                      <td>{t(`school.why.${item}`)}</td>
                      <td>{t('school.keptFor', { months: privacy.retentionMonths })}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('school.item.audit')}</th>
                    <td>{t('school.why.audit')}</td>
                    <td>{t('school.auditKept')}</td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
            <p>{t('school.notStored')}</p>
          </section>

          <section aria-labelledby="retention-heading">
            <h2 id="retention-heading">{t('school.retention')}</h2>
            <p>{t('school.retentionIntro')}</p>
            {privacy.canEdit ? (
              <RetentionForm schoolId={privacy.schoolId} months={privacy.retentionMonths} />
            ) : (
              <p>
                <strong>{t('school.keptFor', { months: privacy.retentionMonths })}</strong>
              </p>
            )}
          </section>

          <section aria-labelledby="years-heading">
            <h2 id="years-heading">{t('school.years')}</h2>
            {privacy.years.length === 0 ? (
              <p className="empty-state">{t('school.yearsEmpty')}</p>
            ) : (
              <TableScroll label={t('school.years')}>
                <table className="table">
                  <caption className="visually-hidden">{t('school.years')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('school.col.year')}</th>
                      <th scope="col">{t('school.col.classes')}</th>
                      <th scope="col">{t('school.col.pupils')}</th>
                      <th scope="col">{t('school.col.inNoClass')}</th>
                      <th scope="col">{t('school.col.warnAt')}</th>
                      <th scope="col">{t('school.col.purgeAt')}</th>
                      <th scope="col">{t('school.col.stage')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {privacy.years.map((year) => (
                      <tr key={year.schoolYear}>
                        <th scope="row">{year.schoolYear}</th>
                        <td>{year.classCount}</td>
                        <td>{year.pupilCount}</td>
                        <td>{year.pupilsInNoClass}</td>
                        <td>{formatDate(String(year.warnAt), { dateStyle: 'medium', timeZone: privacy.timeZone })}</td>
                        <td>{formatDate(String(year.purgeAt), { dateStyle: 'medium', timeZone: privacy.timeZone })}</td>
                        <td>{t(`stage.${year.stage}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        </>
      )}
    </section>
  );
}

function RetentionForm({ schoolId, months }: { schoolId: string; months: number }) {
  const { t, errorMessage } = useFeatureI18n(privacyMessages);
  const [value, setValue] = useState(String(months));
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetRetentionMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 120) {
      setProblem(t('school.retentionInvalid'));
      return;
    }
    setProblem(null);
    try {
      const { data } = await save({ variables: { input: { schoolId, months: parsed } } });
      if (data) setNotice(t('school.retentionSaved', { months: data.setRetentionPeriod.privacy.retentionMonths }));
    } catch (error) {
      setProblem(fieldErrorOf(error)?.field === 'months' ? t('school.retentionInvalid') : errorMessage(error));
    }
  };

  return (
    <form className="form form--inline" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t('school.retentionMonths')}
        hint={t('school.retentionHint')}
        error={problem}
        type="number"
        inputMode="numeric"
        min={1}
        max={120}
        step={1}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button" disabled={loading}>
        {loading ? t('common.saving') : t('common.save')}
      </button>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
