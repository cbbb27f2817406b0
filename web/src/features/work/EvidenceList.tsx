import { useLazyQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { pickLocalized, useFeatureI18n, type LocalizedValue } from '../../app/i18n';
import { graphql } from '../../gql';
import type { EvidenceInput, EvidenceList_PartFragment } from '../../gql/graphql';
import { TextAreaField, TextField } from '../../ui/Field';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { workMessages } from './messages';
import { newLocalId } from './partDraft';

const CiteObjectSearchQuery = graphql(`
  query CiteObjectSearch($search: String!) {
    collectionObjects(search: $search, first: 5) {
      edges {
        node {
          id
          accessionNumber
          title {
            zh
            en
          }
        }
      }
    }
  }
`);

/**
 * The objects the saved part cites, named by the server. Apart from the part the workspace
 * edits (PartEditor_part), so that autosaving, which answers with that part, does not look
 * the objects up again on every save.
 */
export const EvidenceList_part = graphql(`
  fragment EvidenceList_part on WorkPart {
    evidence {
      id
      objectId
      object {
        id
        accessionNumber
        title {
          zh
          en
        }
      }
    }
  }
`);

interface CitedObject {
  accessionNumber: string;
  title: LocalizedValue;
}

interface EvidenceListProps {
  items: EvidenceInput[];
  /** The part as the server had it when the page opened: the names of the objects it cites. */
  saved: EvidenceList_PartFragment | null;
  onChange: (change: (items: EvidenceInput[]) => EvidenceInput[]) => void;
}

export function EvidenceList({ items, saved, onChange }: EvidenceListProps) {
  const { t, language } = useFeatureI18n(workMessages);
  const [search, setSearch] = useState('');
  const [find, { data, loading }] = useLazyQuery(CiteObjectSearchQuery);
  // Objects cited in this visit, named from the search results until the page is opened again.
  const [citedNow, setCitedNow] = useState<Record<string, CitedObject>>({});
  const savedObjects = citedObjectsOf(saved);

  const edit = (id: EvidenceInput['id'], patch: Partial<EvidenceInput>) =>
    onChange((list) => list.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    if (search.trim() !== '') void find({ variables: { search: search.trim() } }).catch(() => undefined);
  };

  const results = data?.collectionObjects.edges ?? [];

  return (
    <div className="evidence">
      {items.length === 0 && <p className="field__hint">{t('evidence.empty')}</p>}
      <ul className="evidence__list">
        {items.map((item, index) => (
          <li key={item.id ?? index} className="evidence__item">
            {item.kind === 'COLLECTION_OBJECT' ? (
              <>
                <CitedObjectKind objectId={item.objectId} object={item.objectId ? (citedNow[item.objectId] ?? savedObjects.get(String(item.objectId))) : undefined} />
                <TextAreaField label={t('evidence.observation')} rows={3} value={item.observation ?? ''} onChange={(event) => edit(item.id, { observation: event.target.value })} />
              </>
            ) : (
              <>
                <p className="evidence__kind">{t('evidence.outside')}</p>
                <div className="evidence__fields">
                  <TextField label={t('evidence.sourceTitle')} value={item.title ?? ''} required onChange={(event) => edit(item.id, { title: event.target.value })} />
                  <TextField label={t('evidence.author')} value={item.author ?? ''} onChange={(event) => edit(item.id, { author: event.target.value || null })} />
                  <TextField label={t('evidence.url')} type="url" inputMode="url" value={item.url ?? ''} onChange={(event) => edit(item.id, { url: event.target.value || null })} />
                  <TextField label={t('evidence.seenOn')} type="date" value={item.seenOn ?? ''} onChange={(event) => edit(item.id, { seenOn: event.target.value || null })} />
                </div>
                <TextAreaField label={t('evidence.note')} rows={2} value={item.note ?? ''} onChange={(event) => edit(item.id, { note: event.target.value || null })} />
              </>
            )}
            <button type="button" className="button button--secondary button--small" onClick={() => onChange((list) => list.filter((other) => other.id !== item.id))}>
              {t('evidence.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="evidence__search" role="search" onSubmit={onSearch}>
        <TextField label={t('evidence.search')} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        <button type="submit" className="button button--secondary" disabled={loading}>
          {t('evidence.searchButton')}
        </button>
      </form>
      {data && results.length === 0 && <p className="field__hint">{t('evidence.noResults')}</p>}
      {results.length > 0 && (
        <ul className="evidence__results">
          {results.map(({ node }) => {
            const title = pickLocalized(node.title, language)?.text ?? node.accessionNumber;
            return (
              <li key={node.id}>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setCitedNow((known) => ({ ...known, [node.id]: { accessionNumber: node.accessionNumber, title: node.title } }));
                    onChange((list) => [...list, { id: newLocalId('e'), kind: 'COLLECTION_OBJECT', objectId: node.id, observation: '' }]);
                  }}
                >
                  {t('evidence.cite', { title })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange((list) => [...list, { id: newLocalId('e'), kind: 'OUTSIDE_SOURCE', title: '', author: null, url: null, seenOn: null, note: null }])}
      >
        {t('evidence.addSource')}
      </button>
    </div>
  );
}

/** The evidence of a part handed in or with the teacher: what the pupil cited and noted, read only. */
export function EvidenceReadOnly({ items, saved }: { items: EvidenceInput[]; saved: EvidenceList_PartFragment | null }) {
  const { t } = useFeatureI18n(workMessages);
  const savedObjects = citedObjectsOf(saved);
  return (
    <ul className="evidence__list">
      {items.map((item, index) => (
        <li key={item.id ?? index} className="evidence__item">
          {item.kind === 'COLLECTION_OBJECT' ? (
            <>
              <CitedObjectKind objectId={item.objectId} object={item.objectId ? savedObjects.get(String(item.objectId)) : undefined} />
              {item.observation && (
                <p>
                  {t('evidence.observation')}: {item.observation}
                </p>
              )}
            </>
          ) : (
            <>
              <p className="evidence__kind">
                {t('evidence.outside')}: {item.url ? <a href={item.url} target="_blank" rel="noopener noreferrer">{item.title}</a> : item.title}
                {item.author && ` — ${item.author}`}
                {item.seenOn && ` (${t('evidence.seenOn')}: ${item.seenOn})`}
              </p>
              {item.note && (
                <p>
                  {t('evidence.note')}: {item.note}
                </p>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The objects a saved part cites, from the server: each object, or null when it is no longer in the collection. */
function citedObjectsOf(saved: EvidenceList_PartFragment | null) {
  return new Map((saved?.evidence ?? []).flatMap((item) => (item.objectId ? [[item.objectId, item.object] as const] : [])));
}

/** "Collection object: <its title, linked>". */
function CitedObjectKind({ objectId, object }: { objectId: EvidenceInput['objectId']; object: CitedObject | null | undefined }) {
  const { t } = useFeatureI18n(workMessages);
  return (
    <p className="evidence__kind">
      {t('evidence.object')}
      {objectId && (
        <>
          {': '}
          <CitedObjectLink objectId={String(objectId)} object={object} />
        </>
      )}
    </p>
  );
}

/** `object` is undefined when nothing is known of it here, null when the collection no longer has it. */
function CitedObjectLink({ objectId, object }: { objectId: string; object: CitedObject | null | undefined }) {
  const { t } = useFeatureI18n(workMessages);
  if (object === null) return t('evidence.objectGone');
  return (
    <Link to={`/collection/${encodeURIComponent(objectId)}`} target="_blank">
      {object ? <LocalizedTextView value={object.title} fallback={object.accessionNumber} /> : t('evidence.viewObject')}
    </Link>
  );
}
