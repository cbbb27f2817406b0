import type { RichDoc } from '@lmr/domain';
import { Link } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import type { FragmentOf } from '../../app/graphql';
import { graphql } from '../../gql';
import { RichDocView } from '../work/RichDocView';
import { exhibitionMessages } from './messages';

/** A frozen, nominated attempt as reviewers and the public see it (the API decides which files). */
export const ShownWork_part = graphql(`
  fragment ShownWork_part on ShownPart {
    partKey
    title {
      zh
      en
    }
    body
    evidence {
      kind
      observation
      title
      author
      url
      seenOn
      note
      object {
        id
        titleZh
        titleEn
        path
      }
    }
    files {
      index
      contentType
      url
    }
  }
`);

type ShownPart = FragmentOf<typeof ShownWork_part>;

/** Only http(s) links from a pupil's outside sources become links. */
function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The parts of a shown work, each under an h3 (pages put it below an h2). Cited objects link
 * to their public collection pages; files are fetched from the address the API gave.
 */
export function ShownWork({ parts }: { parts: readonly ShownPart[] }) {
  const { t, language, formatDate } = useFeatureI18n(exhibitionMessages);
  if (parts.length === 0) return <p className="empty-state">{t('shown.noParts')}</p>;
  return (
    <div className="shown-work">
      {parts.map((part) => {
        const title = pickLocalized(part.title, language);
        return (
          <section key={part.partKey} className="shown-work__part">
            <h3 lang={title?.lang}>{title?.text ?? part.partKey}</h3>
            <RichDocView doc={part.body as RichDoc} empty={t('shown.empty')} />
            {part.files.length > 0 && (
              <ul className="shown-work__files">
                {part.files.map((file) =>
                  file.contentType.startsWith('image/') ? (
                    <li key={file.index}>
                      <img src={file.url} alt={t('shown.image', { number: file.index + 1 })} loading="lazy" />
                    </li>
                  ) : (
                    <li key={file.index}>
                      <a href={file.url} target="_blank" rel="noopener">
                        {t('shown.file', { number: file.index + 1, type: file.contentType })}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            )}
            {part.evidence.length > 0 && (
              <>
                <h4 className="shown-work__evidence-title">{t('shown.evidence')}</h4>
                <ul className="shown-work__evidence">
                  {part.evidence.map((item, index) => {
                    if (item.kind === 'COLLECTION_OBJECT') {
                      const objectTitle = item.object ? pickLocalized({ zh: item.object.titleZh, en: item.object.titleEn }, language) : null;
                      return (
                        <li key={index}>
                          {t('shown.object')}
                          {item.object ? (
                            <Link to={item.object.path} lang={objectTitle?.lang}>
                              {objectTitle?.text}
                            </Link>
                          ) : null}
                          {item.observation && (
                            <p className="shown-work__observation">
                              {t('shown.observation')}
                              {item.observation}
                            </p>
                          )}
                        </li>
                      );
                    }
                    const href = safeUrl(item.url);
                    return (
                      <li key={index}>
                        {t('shown.source')}
                        {href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer">
                            {item.title}
                          </a>
                        ) : (
                          item.title
                        )}
                        {item.author ? ` · ${item.author}` : ''}
                        {item.seenOn ? ` · ${t('shown.seenOn', { date: formatDate(`${item.seenOn}T12:00:00`) })}` : ''}
                        {item.note && <p className="shown-work__observation">{item.note}</p>}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
