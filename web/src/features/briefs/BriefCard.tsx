import { Link } from 'react-router';
import type { FragmentOf } from '../../app/graphql';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { ThemeChips } from '../collection/ThemeChips';
import { briefsMessages } from './messages';

const BriefCard_brief = graphql(`
  fragment BriefCard_brief on Brief {
    id
    title {
      zh
      en
    }
    drivingQuestion {
      zh
      en
    }
    theme
    gradeFrom
    gradeTo
    status
    milestones {
      key
    }
  }
`);

export function BriefCard({ brief }: { brief: FragmentOf<typeof BriefCard_brief> }) {
  const { t, formatNumber } = useFeatureI18n(briefsMessages);
  return (
    <article className="card brief-card">
      <h2 className="card__title">
        <Link to={`/briefs/${encodeURIComponent(brief.id)}`} className="card__link">
          <LocalizedTextView value={brief.title} />
        </Link>
      </h2>
      <p className="brief-card__question">
        <LocalizedTextView value={brief.drivingQuestion} />
      </p>
      <p className="card__meta">
        {[
          t('library.grades', { from: formatNumber(brief.gradeFrom), to: formatNumber(brief.gradeTo) }),
          t('library.milestoneCount', { count: formatNumber(brief.milestones.length) }),
        ].join(' · ')}
      </p>
      <ThemeChips themes={[brief.theme]} label={t('library.theme')} />
      {brief.status === 'DRAFT' && <p className="badge">{t('library.draft')}</p>}
    </article>
  );
}
