// 评审排名: each category's ranking, its first page on load and the next on 加载更多.
import { useCallback, useState } from 'react';
import type { RankingCategoryView, RankingRowView } from '@/core/schemas/actions';
import { call, messageOf } from '@/lib/api';
import { appendPage } from '@/features/common/use-paged';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export const RANKING_PAGE = 30;

export interface RankedCategory extends RankingCategoryView {
  rows: RankingRowView[];
  nextCursor: string | null;
}

export function useRanking(programIdFromRoute: string | undefined) {
  const [more, setMore] = useState<Record<string, { rows: RankingRowView[]; nextCursor: string | null }>>({});
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const remote = useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    const first = await call('review.ranking', { programId, limit: RANKING_PAGE });
    const others = await Promise.all(
      first.categories
        .filter((category) => category.key !== first.categoryKey)
        .map((category) => call('review.ranking', { programId, categoryKey: category.key, limit: RANKING_PAGE })),
    );
    const pages = new Map([first, ...others].map((page) => [page.categoryKey, page]));
    const categories: RankedCategory[] = first.categories.map((category) => ({
      ...category,
      rows: pages.get(category.key)?.items ?? [],
      nextCursor: pages.get(category.key)?.nextCursor ?? null,
    }));
    setMore({});
    return { programId, categories };
  }, [programIdFromRoute]);

  const programId = remote.data?.programId;
  const categories = (remote.data?.categories ?? []).map((category) => {
    const extra = more[category.key];
    return extra ? { ...category, rows: extra.rows, nextCursor: extra.nextCursor } : category;
  });

  const loadMore = useCallback(
    async (category: RankedCategory) => {
      if (!programId || !category.nextCursor || loadingMore) return;
      setLoadingMore(category.key);
      setMoreError(null);
      try {
        const page = await call('review.ranking', {
          programId,
          categoryKey: category.key,
          cursor: category.nextCursor,
          limit: RANKING_PAGE,
        });
        setMore((current) => ({
          ...current,
          [category.key]: { rows: appendPage(category.rows, page.items, (row) => row.applicationId), nextCursor: page.nextCursor },
        }));
      } catch (failure) {
        setMoreError(messageOf(failure));
      } finally {
        setLoadingMore(null);
      }
    },
    [programId, loadingMore],
  );

  return { ...remote, categories, loadMore, loadingMore, moreError };
}
