import { Link } from 'react-router';
import { pickLocalized, useI18n } from '../../app/i18n';
import type { FragmentOf } from '../../app/graphql';
import { graphql } from '../../gql';
import { LocalizedTextView } from './LocalizedTextView';
import { ThemeChips } from './ThemeChips';

const CollectionObjectCard_object = graphql(`
  fragment CollectionObjectCard_object on CollectionObject {
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
    themes
  }
`);

export function CollectionObjectCard({ object }: { object: FragmentOf<typeof CollectionObjectCard_object> }) {
  const { t, language } = useI18n();
  const facts = [
    { label: t('object.maker'), value: object.maker },
    { label: t('object.period'), value: object.period },
  ].filter(({ value }) => pickLocalized(value, language) !== null);
  return (
    <article className="object-card">
      <h2 className="object-card__title">
        <Link to={`/collection/${encodeURIComponent(object.id)}`} className="object-card__link">
          <LocalizedTextView value={object.title} fallback={object.accessionNumber} />
        </Link>
      </h2>
      {facts.length > 0 && (
        <dl className="object-card__facts">
          {facts.map(({ label, value }) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <LocalizedTextView value={value} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <ThemeChips themes={object.themes} label={t('object.themes')} />
    </article>
  );
}
