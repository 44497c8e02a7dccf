// 单位详情: the unit's profile facts (rating with its year, 年检 per year, 处罚/通报 with their days) and its
// applications and awards across years, newest programme first; a row opens the application.
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { formatYuan } from '@/core/money';
import { inspectionsNewestFirst, profileOf } from '@/core/organization/profile';
import type { OrganizationHistoryRow } from '@/core/schemas/actions';
import { orgKindLabels, sanctionKindLabels } from '@/core/schemas/labels';
import type { Organization } from '@/core/schemas/documents';
import { PageState } from '@/components/page-state';
import { organizationHistory } from '../api/organizations';
import { go } from '@/lib/navigation';
import { useRemote } from '@/features/common/use-remote';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { chineseDay } from '../dates';
import { KeyValue, KeyValues } from '@/components/key-value';
import { Section } from '@/components/section';
import '../admin.css';

function yesNo(value: boolean, yes: string, no: string): string {
  return value ? yes : no;
}

function ProfileFacts({ org }: { org: Organization }) {
  const profile = profileOf(org);
  const sanctions = [...profile.sanctions].sort((a, b) => b.on.localeCompare(a.on));
  return (
    <Section title={org.name} extra={org.active ? orgKindLabels[org.kind] : `${orgKindLabels[org.kind]} · 已停用`}>
      <KeyValues>
        <KeyValue label="评估等级">
          {profile.rating
            ? `${profile.rating}级${profile.ratingYear ? `（${profile.ratingYear}年评定）` : '（评定年度未登记）'}`
            : '未评估'}
        </KeyValue>
        <KeyValue label="年检结论">
          {profile.inspections.length === 0 ? <Text>未登记</Text> : null}
          {inspectionsNewestFirst(profile).map((inspection) => (
            <Text
              key={inspection.year}
              className={`admin-profile__line${inspection.result === '合格' ? '' : ' admin-profile__line--warn'}`}
            >{`${inspection.year}年度：${inspection.result}`}</Text>
          ))}
        </KeyValue>
        <KeyValue label="处罚与通报">
          {sanctions.length === 0 ? <Text>无</Text> : null}
          {sanctions.map((sanction, index) => (
            <Text key={`${sanction.on}-${index}`} className="admin-profile__line admin-profile__line--warn">
              {`${chineseDay(sanction.on)} ${sanction.authority}${sanctionKindLabels[sanction.kind]}${sanction.note ? `：${sanction.note}` : ''}`}
            </Text>
          ))}
        </KeyValue>
        <KeyValue label="诚信记录">{yesNo(profile.integrityClean, '良好', '有不良记录')}</KeyValue>
        <KeyValue label="税务票据">{yesNo(profile.canIssueTaxInvoice, '能开具', '不能开具')}</KeyValue>
        <KeyValue label="学会日">{yesNo(profile.hasSocietyDay, '已设立', '未设立')}</KeyValue>
        {org.contactPhone ? <KeyValue label="联系电话">{org.contactPhone}</KeyValue> : null}
        {org.address ? <KeyValue label="地址">{org.address}</KeyValue> : null}
      </KeyValues>
    </Section>
  );
}

function paidText(row: OrganizationHistoryRow): string {
  if (row.paidFen !== null) return `已发放 ${formatYuan(row.paidFen)}${row.paidOn ? `（${chineseDay(row.paidOn)}）` : ''}`;
  return row.awardFen !== null ? '未发放' : '';
}

function HistoryRow({ row }: { row: OrganizationHistoryRow }) {
  return (
    <View className="admin-program" onClick={() => void go('applicationDetail', { id: row.applicationId })}>
      <View className="admin-claim__head">
        <Text className="admin-list__name">{row.projectName || '（未命名项目）'}</Text>
        <Tag type={row.paidFen !== null ? 'success' : row.awardFen !== null ? 'primary' : 'default'}>{row.statusLabel}</Tag>
      </View>
      <Text className="admin-list__sub">{`${row.programYear}年 · ${row.programName}`}</Text>
      <Text className="admin-list__sub">
        {row.categoryName}
        {row.awardFen !== null ? ` · 奖补 ${formatYuan(row.awardFen)}` : ''}
        {paidText(row) ? ` · ${paidText(row)}` : ''}
      </Text>
    </View>
  );
}

function totals(rows: readonly OrganizationHistoryRow[]): string {
  const awarded = rows.filter((row) => row.awardFen !== null);
  const awardedFen = awarded.reduce((sum, row) => sum + (row.awardFen ?? 0), 0);
  const paidFen = rows.reduce((sum, row) => sum + (row.paidFen ?? 0), 0);
  if (awarded.length === 0) return '尚无获奖补的项目';
  return `获奖补 ${awarded.length} 项，合计 ${formatYuan(awardedFen)}；已发放 ${formatYuan(paidFen)}`;
}

export function OrganizationDetailScreen({ organizationId }: { organizationId: string }) {
  const remote = useRemote(() => organizationHistory({ organizationId }), [organizationId]);
  useReloadOnShow(remote.reload);
  const data = remote.data;
  if (!data) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;
  return (
    <View className="admin-page">
      <ProfileFacts org={data.organization} />
      <Section title="历年申报与奖补" extra={`${data.applications.length} 项`}>
        <Text className="admin-muted">{data.applications.length === 0 ? '暂无申报记录（草稿不计）' : totals(data.applications)}</Text>
        {data.applications.map((row) => (
          <HistoryRow key={row.applicationId} row={row} />
        ))}
      </Section>
    </View>
  );
}
