// Short-lived links to private evidence photos: one file.link per file ID, asked in parallel.
import { useEffect, useState } from 'react';
import { fileLink } from '@/features/common/api/shared';

/** url: ready; null: the link could not be made; absent: still asking. */
export type FileLinks = Record<string, string | null>;

export function useFileLinks(fileIds: readonly string[], generation: unknown): FileLinks {
  const [links, setLinks] = useState<FileLinks>({});
  const key = fileIds.join('\n');

  useEffect(() => {
    let cancelled = false;
    const ids = key ? key.split('\n') : [];
    ids.forEach((fileId) => {
      fileLink({ fileId })
        .then((link) => link.url)
        .catch(() => null)
        .then((url) => {
          if (!cancelled) setLinks((current) => ({ ...current, [fileId]: url }));
        });
    });
    return () => {
      cancelled = true;
    };
    // A new generation (the detail reloaded) asks again: links expire after a few minutes.
  }, [key, generation]);

  return links;
}
