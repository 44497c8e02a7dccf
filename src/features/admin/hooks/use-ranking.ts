// 评审排名: each category's ranking, its first page on load and the next on 加载更多.
import { useCallback, useState } from 'react';
import type { RankingCategoryView, RankingRowView } from '@/core/schemas/actions';
import { useAction } from '@/features/common/use-action';
import { appendPage } from '@/features/common/use-paged';
import { useRemote } from '@/features/common/use-remote';
import { reviewRanking } from '../api/reviews';
import { resolveProgramId } from './program-id';

export const RANKING_PAGE = 30;

export interface RankedCategory extends RankingCategoryView {
  rows: RankingRowView[];
  nextCursor: string | null;
}

export function useRanking(programIdFromRoute: string | undefined) {
  const [more, setMore] = useState<Record<string, { rows: RankingRowView[]; nextCursor: string | null }>>({});
  // The next page of one category (its key labels the call); a failure is shown under the list.
  const paging = useAction();
  const remote = useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    const first = await reviewRanking({ programId, limit: RANKING_PAGE });
    const others = await Promise.all(
      first.categories
        .filter((category) => category.key !== first.categoryKey)
        .map((category) => reviewRanking({ programId, categoryKey: category.key, limit: RANKING_PAGE })),
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

  const { run } = paging;
  const loadMore = useCallback(
    async (category: RankedCategory) => {
      const cursor = category.nextCursor;
      if (!programId || !cursor) return;
      const page = await run(() => reviewRanking({ programId, categoryKey: category.key, cursor, limit: RANKING_PAGE }), category.key);
      if (!page) return;
      setMore((current) => ({
        ...current,
        [category.key]: { rows: appendPage(category.rows, page.items, (row) => row.applicationId), nextCursor: page.nextCursor },
      }));
    },
    [programId, run],
  );

  return { ...remote, categories, loadMore, loadingMore: paging.running, moreError: paging.error };
}
