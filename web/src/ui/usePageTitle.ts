import { useEffect } from 'react';
import { useT } from '../app/i18n';

export function usePageTitle(page: string): void {
  const t = useT();
  useEffect(() => {
    document.title = t('common.pageTitle', { page });
  }, [t, page]);
}
