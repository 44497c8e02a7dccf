// 申报详情: everything the clerk needs to decide, the decision buttons, and the evidence after approval.
import { Text, View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { replace } from '@/lib/navigation';
import { useApplicationDetail } from '../hooks/use-application-detail';
import { useFileLinks } from '../hooks/use-file-links';
import { ApplicationSummary } from './application-summary';
import { AuditTrail } from './audit-trail';
import { BudgetTable } from './budget-table';
import { ClaimList } from './claim-list';
import { CommitmentList } from './commitment-list';
import { DecisionBar } from './decision-bar';
import { Section } from './section';

const NO_FILES: string[] = [];

export function ApplicationDetailScreen({ applicationId }: { applicationId: string }) {
  const detail = useApplicationDetail(applicationId);
  const data = detail.data;
  const fileIds = data ? data.claims.flatMap((claim) => claim.fileIds) : NO_FILES;
  const links = useFileLinks(fileIds, data);

  if (!applicationId) {
    return <PageState loading={false} error="缺少申报编号，请从申报列表进入" />;
  }
  if (!data) {
    return <PageState loading={detail.loading} error={detail.error} onRetry={() => void detail.reload()} />;
  }
  const { application, program, claims, audit } = data;
  const showClaims = application.status === 'approved' || claims.length > 0;

  return (
    <View className="admin-page admin-page--with-bar">
      <ApplicationSummary application={application} />
      <Section title="实施方案">
        <Text className="admin-plan">{application.plan || '未填写'}</Text>
      </Section>
      <Section title="经费预算" extra={`${application.budget.length} 项`}>
        <BudgetTable lines={application.budget} totalFen={application.budgetTotalFen} />
      </Section>
      <Section title="指标承诺" extra={`${application.commitments.length} 项`}>
        <CommitmentList commitments={application.commitments} program={program} />
      </Section>
      {showClaims ? (
        <Section title="指标完成情况" extra={claims.length ? `${claims.length} 条，点图片看大图` : undefined}>
          <ClaimList claims={claims} program={program} links={links} />
        </Section>
      ) : null}
      <Section title="处理记录">
        <AuditTrail entries={audit} />
      </Section>
      <DecisionBar
        application={application}
        awardAmountFen={program.awardAmountFen}
        next={detail.next}
        onDecided={detail.reload}
        onNext={(id) => void replace('applicationDetail', { id })}
      />
    </View>
  );
}
