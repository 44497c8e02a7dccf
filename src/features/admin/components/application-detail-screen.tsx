// 申报详情: the whole application, its reviews, objections, reports, claims, the award's records (agreement,
// payments, refund, extension) with the forms the server offers for them, the decisions the server offers, the audit trail, and the way to the next application waiting in the same queue.
import { View } from '@tarojs/components';
import { ExportButton } from '@/components/export-button';
import { PageState } from '@/components/page-state';
import { call, messageOf } from '@/lib/api';
import { showMessage } from '@/lib/feedback';
import { openFileLink } from '@/lib/open-file';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { useApplicationDetail } from '../hooks/use-application-detail';
import { useFileLinks } from '../hooks/use-file-links';
import { ApplicationContent } from './application-content';
import { ApplicationSummary } from './application-summary';
import { AuditTrail } from './audit-trail';
import { ClaimList } from './claim-list';
import { DecisionBar } from './decision-bar';
import { ModerationNotice } from './moderation-notice';
import { ObjectionList } from './objection-list';
import { PayoutForm } from './payout-form';
import { AwardRecords, RecordForms } from './record-forms';
import { ReportList, reportFileIds } from './report-list';
import { ReviewPanel } from './review-panel';
import { Section } from '@/components/section';
import '../admin.css';

const NO_FILES: string[] = [];

async function openAttachment(fileId: string, name: string) {
  try {
    const link = await call('file.link', { fileId });
    await openFileLink(link.url, name);
  } catch (error) {
    showMessage(messageOf(error));
  }
}

export function ApplicationDetailScreen({ applicationId, stage }: { applicationId: string; stage?: string }) {
  const detail = useApplicationDetail(applicationId, stage);
  useReloadOnShow(detail.reload);
  const data = detail.data;
  const fileIds = data
    ? [
        ...data.claims.flatMap((claim) => [...claim.fileIds, ...claim.duplicates.map((duplicate) => duplicate.otherFileId)]),
        ...reportFileIds(data.application),
      ]
    : NO_FILES;
  const links = useFileLinks(fileIds, data);

  if (!applicationId) {
    return <PageState loading={false} error="缺少申报编号，请从申报列表进入" />;
  }
  if (!data) {
    return <PageState loading={detail.loading} error={detail.error} onRetry={() => void detail.reload()} />;
  }
  const { application, program, claims, audit, reviews, objections, contact } = data;
  const showClaims = claims.length > 0 || application.availableActions.includes('claim') || application.status === 'implementing';

  return (
    <View className="admin-page admin-page--with-bar">
      <ApplicationSummary application={application} program={program} contact={contact} />
      <ModerationNotice
        moderation={application.moderation}
        target={{ entity: 'application', id: application._id, version: application.version }}
        onChanged={detail.reload}
      />
      <ApplicationContent
        application={application}
        program={program}
        onOpenAttachment={(fileId, name) => void openAttachment(fileId, name)}
      />
      <ExportButton action="export.application" input={{ applicationId: application._id }} label="下载申报书（Word）" />
      <ReviewPanel application={application} program={program} reviews={reviews} onChanged={detail.reload} />
      {application.availableActions.includes('upholdObjection') || objections.length > 0 ? (
        <Section title="公示异议" extra={objections.length ? `${objections.length} 条` : undefined}>
          <ObjectionList objections={objections} onChanged={detail.reload} />
        </Section>
      ) : null}
      <ReportList application={application} program={program} links={links} />
      {showClaims ? (
        <Section title="指标完成情况" extra={claims.length ? `${claims.length} 条，点图片看大图` : undefined}>
          <ClaimList claims={claims} program={program} links={links} onChanged={detail.reload} />
        </Section>
      ) : null}
      <AwardRecords application={application} />
      <RecordForms application={application} program={program} onSaved={detail.reload} />
      {application.availableActions.includes('pay') ? (
        <PayoutForm key={application.version} application={application} program={program} onPaid={detail.reload} />
      ) : null}
      <Section title="处理记录">
        <AuditTrail entries={audit} />
      </Section>
      <DecisionBar application={application} program={program} next={detail.next} stage={detail.stage} onDecided={detail.reload} />
    </View>
  );
}
