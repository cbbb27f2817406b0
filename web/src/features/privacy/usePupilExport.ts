import { useCallback, useState } from 'react';
import { isErrorCode, type ErrorCode } from '@lmr/domain';

export type ExportState = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'downloading' } | { kind: 'done' } | { kind: 'failed'; code: ErrorCode | 'NETWORK' | 'UNKNOWN' };

/**
 * Downloads a pupil's ZIP with the session cookie: fetched as a blob (so the page can show
 * preparing, downloading, done or failed) and handed to the browser as a file.
 */
export function usePupilExport(url: string, fileName: string) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const start = useCallback(async () => {
    setState({ kind: 'preparing' });
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/zip' } });
    } catch {
      setState({ kind: 'failed', code: 'NETWORK' });
      return;
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
      setState({ kind: 'failed', code: isErrorCode(body?.code) ? body.code : response.status === 401 ? 'UNAUTHENTICATED' : 'UNKNOWN' });
      return;
    }
    setState({ kind: 'downloading' });
    try {
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Some browsers read the object URL after the click returns.
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setState({ kind: 'done' });
    } catch {
      setState({ kind: 'failed', code: 'NETWORK' });
    }
  }, [url, fileName]);

  return { state, start };
}
