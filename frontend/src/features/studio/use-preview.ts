import { useEffect, useState } from 'react';
import { previewMarkdown } from './api';

type Preview = { html: string; pending: boolean; failed: boolean };

/**
 * The lesson as learners will see it, rendered by the server's own lesson renderer shortly after
 * typing stops; an older answer never replaces a newer one (each change aborts the request before).
 */
export function usePreview(courseId: string, markdown: string, delay = 600): Preview {
  const [state, setState] = useState<Preview>({ html: '', pending: true, failed: false });
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = window.setTimeout(() => {
      previewMarkdown(courseId, markdown, abort.signal)
        .then((html) => setState({ html, pending: false, failed: false }))
        .catch(() => {
          if (!abort.signal.aborted) setState((s) => ({ ...s, pending: false, failed: true }));
        });
    }, delay);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [courseId, markdown, delay]);
  return state;
}
