// 待核实: the claims waiting across the programme's awards, a page at a time; tapped, the list, each opening its
// award. Filters by indicator, unit and 证据重复 are answered by the server over the whole queue; the search by unit,
// project or indicator name runs here, over the pages loaded (the server would have to read past a page to do it).
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { LoadMore } from '@/components/load-more';
import { go } from '@/lib/navigation';
import type { useClaimQueue } from '../hooks/use-claim-queue';
import { claimCountText, claimFilterInput, claimUnits, searchClaims, type ClaimFilters } from '../staff-actions';
import { Chips, ToggleChip } from './queue-filters';

/** A search shows once the list is longer than a phone screen. */
const SEARCH_FROM = 6;

interface ClaimQueueProps {
  queue: ReturnType<typeof useClaimQueue>;
  filters: ClaimFilters;
  onFilters: (filters: ClaimFilters) => void;
  /** The programme's indicators that claims are made against. */
  indicators: readonly { id: string; name: string }[];
}

export function ClaimQueue({ queue, filters, onFilters, indicators }: ClaimQueueProps) {
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState('');
  const claims = queue.claims;
  const filtered = Object.keys(claimFilterInput(filters)).length > 0;
  if (!claims || (claims.length === 0 && !filtered)) return null;
  const shown = searchClaims(claims, words);
  const units = claimUnits(claims);
  return (
    <View className="admin-claims">
      <View className="admin-queue__hint" onClick={() => setOpen(!open)}>
        <Text className="admin-claims__count">
          {claimCountText(claims.length, queue.more)}
          {filtered ? '（已筛选）' : ''}
        </Text>
        <Text className="admin-link">{open ? '收起' : '查看'}</Text>
      </View>
      {open ? (
        <View className="admin-filters">
          {claims.length > SEARCH_FROM || words ? (
            <Input
              className="admin-filters__input"
              value={words}
              placeholder="在已加载的记录中搜索单位、项目或指标"
              onInput={(event) => setWords(event.detail.value)}
            />
          ) : null}
          <Chips
            label="指标"
            choices={indicators}
            value={filters.indicatorKey}
            onPick={(indicatorKey) => onFilters({ ...filters, indicatorKey })}
          />
          <Chips label="单位" choices={units} value={filters.orgId} onPick={(orgId) => onFilters({ ...filters, orgId })} />
          <ToggleChip label="证据重复" on={Boolean(filters.duplicated)} onToggle={(duplicated) => onFilters({ ...filters, duplicated })} />
        </View>
      ) : null}
      {open && filtered && claims.length === 0 ? <Text className="admin-muted">没有符合筛选条件的待核实记录</Text> : null}
      {open
        ? shown.map((claim) => (
            <View
              key={claim._id}
              className="admin-row admin-claims__row"
              onClick={() => void go('applicationDetail', { id: claim.applicationId })}
            >
              <Text className="admin-row__title">
                {claim.orgName}：{claim.projectName}
              </Text>
              <Text className="admin-row__meta">
                {claim.indicatorName} {claim.amount}
                {claim.unit} · {formatShanghaiDateTime(claim.createdAt)}
              </Text>
              {claim.duplicates.length > 0 ? (
                <Text className="admin-row__reason">
                  疑似重复使用：
                  {[
                    ...new Set(
                      claim.duplicates.map((duplicate) => `${duplicate.projectName || '（未命名项目）'} · ${duplicate.indicatorName}`),
                    ),
                  ].join('；')}
                </Text>
              ) : null}
            </View>
          ))
        : null}
      {open ? <LoadMore more={queue.more} loading={queue.loadingMore} onMore={queue.loadMore} onBottom={false} /> : null}
    </View>
  );
}
