import { useMutation, useQuery } from '@apollo/client/react';
import { validateCollectionObject, type CollectionFieldProblem, type CollectionObjectDraft } from '@lmr/domain';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorCodeOf, fieldErrorOf, pickLocalized, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { CollectionObjectFields, ObjectImages_ObjectFragment, Theme } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextAreaField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { usePageTitle } from '../../ui/usePageTitle';
import { themes } from '../collection/themes';
import { collectionEditingMessages } from './messages';
import { ObjectImages } from './ObjectImages';

const ObjectEditorQuery = graphql(`
  query ObjectEditor($id: ID!) {
    collectionObject(id: $id) {
      id
      accessionNumber
      title {
        zh
        en
      }
      maker {
        zh
        en
      }
      period {
        zh
        en
      }
      kind {
        zh
        en
      }
      description {
        zh
        en
      }
      location
      rightsStatement
      themes
      ...ObjectImages_Object
    }
  }
`);

const CreateObjectMutation = graphql(`
  mutation CreateCollectionObject($input: CreateCollectionObjectInput!) {
    createCollectionObject(input: $input) {
      object {
        id
      }
    }
  }
`);

const UpdateObjectMutation = graphql(`
  mutation UpdateCollectionObject($input: UpdateCollectionObjectInput!) {
    updateCollectionObject(input: $input) {
      object {
        id
        accessionNumber
        title {
          zh
          en
        }
        maker {
          zh
          en
        }
        period {
          zh
          en
        }
        kind {
          zh
          en
        }
        description {
          zh
          en
        }
        location
        rightsStatement
        themes
      }
    }
  }
`);

type Draft = Required<{ [K in Exclude<keyof CollectionObjectFields, 'themes'>]: string }> & { themes: Theme[] };
type TextKey = Exclude<keyof Draft, 'themes'>;

const emptyDraft: Draft = {
  accessionNumber: '',
  titleZh: '',
  titleEn: '',
  makerZh: '',
  makerEn: '',
  periodZh: '',
  periodEn: '',
  kindZh: '',
  kindEn: '',
  descriptionZh: '',
  descriptionEn: '',
  location: '',
  rightsStatement: '',
  themes: [],
};

/** The API's fields: blanks become absent, so optional facts can be cleared. */
function toFields(draft: Draft): CollectionObjectFields {
  const fields: CollectionObjectFields = { accessionNumber: draft.accessionNumber.trim(), titleZh: draft.titleZh.trim(), titleEn: draft.titleEn.trim(), themes: draft.themes };
  for (const key of ['makerZh', 'makerEn', 'periodZh', 'periodEn', 'kindZh', 'kindEn', 'descriptionZh', 'descriptionEn', 'location', 'rightsStatement'] as const) {
    const value = draft[key].trim();
    if (value) fields[key] = value;
  }
  return fields;
}

type PairKey = 'makerZh' | 'makerEn' | 'periodZh' | 'periodEn' | 'kindZh' | 'kindEn' | 'descriptionZh' | 'descriptionEn';

const pairs: [PairKey, PairKey, 'short' | 'long'][] = [
  ['makerZh', 'makerEn', 'short'],
  ['periodZh', 'periodEn', 'short'],
  ['kindZh', 'kindEn', 'short'],
  ['descriptionZh', 'descriptionEn', 'long'],
];

/** A museum educator adds a record to the collection or corrects one, in both languages. */
export function ObjectEditorPage() {
  const { id } = useParams();
  const { data, error, refetch } = useQuery(ObjectEditorQuery, { variables: { id: id ?? '' }, skip: !id });
  if (!id) return <ObjectForm key="new" initial={emptyDraft} />;
  if (error && errorCodeOf(error) === 'NOT_FOUND') return <NotFoundPage />;
  const object = data?.collectionObject;
  if (!object) {
    return <section className="page page--narrow">{error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}</section>;
  }
  const initial: Draft = {
    accessionNumber: object.accessionNumber,
    titleZh: object.title.zh ?? '',
    titleEn: object.title.en ?? '',
    makerZh: object.maker?.zh ?? '',
    makerEn: object.maker?.en ?? '',
    periodZh: object.period?.zh ?? '',
    periodEn: object.period?.en ?? '',
    kindZh: object.kind?.zh ?? '',
    kindEn: object.kind?.en ?? '',
    descriptionZh: object.description?.zh ?? '',
    descriptionEn: object.description?.en ?? '',
    location: object.location ?? '',
    rightsStatement: object.rightsStatement ?? '',
    themes: [...object.themes],
  };
  return <ObjectForm key={object.id} objectId={object.id} initial={initial} images={object} />;
}

function ObjectForm({ objectId, initial, images }: { objectId?: string; initial: Draft; images?: ObjectImages_ObjectFragment }) {
  const { t, errorMessage, language } = useFeatureI18n(collectionEditingMessages);
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<CollectionFieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [create, creating] = useMutation(CreateObjectMutation);
  const [update, updating] = useMutation(UpdateObjectMutation);
  const busy = creating.loading || updating.loading;
  const shownTitle = pickLocalized({ zh: initial.titleZh || null, en: initial.titleEn || null }, language)?.text ?? initial.accessionNumber;
  usePageTitle(objectId ? t('editObject.editTitle', { title: shownTitle }) : t('editObject.newTitle'));

  const set = (key: TextKey) => (value: string) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const problemFor = (field: keyof CollectionObjectDraft) => {
    const found = problems.find((problem) => problem.field === field);
    if (!found) return null;
    return field === 'accessionNumber' && found.problem === 'DUPLICATE' ? t('editObject.accessionTaken') : t(`editObject.problem.${found.problem}`);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const fields = toFields(draft);
    const local = validateCollectionObject(fields);
    setProblems(local);
    if (local.length > 0) return;
    try {
      if (objectId) {
        await update({ variables: { input: { id: objectId, object: fields } } });
        setSaved(true);
      } else {
        const { data } = await create({ variables: { input: { object: fields } } });
        if (data) await navigate(`/collection/${data.createCollectionObject.object.id}/edit`, { state: { created: true } });
      }
    } catch (caught) {
      const field = fieldErrorOf(caught)?.field;
      if (field === 'object.accessionNumber') setProblems([{ field: 'accessionNumber', problem: 'DUPLICATE' }]);
      else if (field?.startsWith('object.')) setProblems([{ field: field.slice('object.'.length) as keyof CollectionObjectDraft, problem: 'INVALID' }]);
      else setFailure(caught);
    }
  };

  const optional = (label: string) => `${label}${t('editObject.optional')}`;
  const text = (key: TextKey, label: string, extra: { hint?: string; required?: boolean; lang?: string } = {}) => (
    <TextField
      key={key}
      label={extra.required ? label : optional(label)}
      name={key}
      value={draft[key]}
      onChange={(event) => set(key)(event.target.value)}
      error={problemFor(key)}
      {...(extra.hint ? { hint: extra.hint } : {})}
      {...(extra.lang ? { lang: extra.lang } : {})}
      required={extra.required}
    />
  );

  return (
    <section className="page" aria-labelledby="object-editor-heading">
      <p className="back-link">
        <Link to={objectId ? `/collection/${objectId}` : '/'}>← {objectId ? t('editObject.cancel') : t('import.back')}</Link>
      </p>
      <h1 id="object-editor-heading">{objectId ? t('editObject.editTitle', { title: shownTitle }) : t('editObject.newTitle')}</h1>
      <p className="page__intro">{t('editObject.intro')}</p>
      <form className="form-card object-editor" onSubmit={(event) => void submit(event)} noValidate>
        {problems.length > 1 && (
          <p className="form-error" role="alert">
            {t('editObject.fixProblems', { count: problems.length })}
          </p>
        )}
        {text('accessionNumber', t('editObject.accessionNumber'), { hint: t('editObject.accessionHint'), required: true })}
        <div className="object-editor__pair">
          {text('titleZh', t('editObject.titleZh'), { required: true, lang: 'zh-CN' })}
          {text('titleEn', t('editObject.titleEn'), { required: true, lang: 'en' })}
        </div>
        {pairs.map(([zh, en, size]) =>
          size === 'short' ? (
            <div className="object-editor__pair" key={zh}>
              {text(zh, t(`editObject.${zh}`), { lang: 'zh-CN' })}
              {text(en, t(`editObject.${en}`), { lang: 'en' })}
            </div>
          ) : (
            <div className="object-editor__pair" key={zh}>
              {[zh, en].map((key) => (
                <TextAreaField
                  key={key}
                  label={optional(t(`editObject.${key}`))}
                  name={key}
                  rows={6}
                  lang={key === zh ? 'zh-CN' : 'en'}
                  value={draft[key]}
                  onChange={(event) => set(key)(event.target.value)}
                  error={problemFor(key)}
                />
              ))}
            </div>
          ),
        )}
        {text('location', t('editObject.location'))}
        {text('rightsStatement', t('editObject.rights'))}
        <fieldset className="object-editor__themes">
          <legend>{optional(t('editObject.themes'))}</legend>
          {themes.map((theme) => (
            <label key={theme} className="checkbox">
              <input
                type="checkbox"
                name="themes"
                value={theme}
                checked={draft.themes.includes(theme)}
                onChange={(event) => {
                  setSaved(false);
                  setDraft((current) => ({ ...current, themes: event.target.checked ? [...current.themes, theme] : current.themes.filter((other) => other !== theme) }));
                }}
              />{' '}
              {t(`theme.${theme}`)}
            </label>
          ))}
          {problemFor('themes') && <p className="field__error">{problemFor('themes')}</p>}
        </fieldset>
        {failure !== null && (
          <p className="form-error" role="alert">
            {errorMessage(failure)}
          </p>
        )}
        <p role="status" className="object-editor__status">
          {saved ? t('editObject.saved') : ''}
        </p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('editObject.saving') : t('editObject.save')}
          </button>
        </div>
      </form>
      {objectId && images ? <ObjectImages object={images} /> : <p className="field__hint">{t('images.saveFirst')}</p>}
    </section>
  );
}
