import { useEffect } from 'react';

/** 'Sygefravær · Skole · dec. 2016 – LIS': tabs and history entries say what they show. */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'LIS'].join(' – ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
