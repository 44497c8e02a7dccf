// 申报详情: the whole application, its reviews, objections, reports, claims, the award's records (agreement,
// payments, refund, extension) with the forms the server offers for them, the decisions the server offers, the audit trail, and the way to the next application waiting in the same queue.
import { View } from '@tarojs/components';
import { ExportButton } from '@/components/export-button';
import { PageState } from '@/components/page-state';
import { openAttachment } from '@/features/common/open-attachment';
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
import { SectionIndex, type SectionLink } from './section-index';
import { decisionSection, type DetailSection } from '../staff-actions';
import '../admin.css';

const NO_FILES: string[] = [];

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
  const fileLinks = useFileLinks(fileIds, data);

  if (!applicationId) {
    return <PageState loading={false} error="缺少申报编号，请从申报列表进入" />;
  }
  if (!data) {
    return <PageState loading={detail.loading} error={detail.error} onRetry={() => void detail.reload()} />;
  }
  const { application, program, claims, audit, reviews, objections, contact } = data;
  const showClaims = claims.length > 0 || application.availableActions.includes('claim') || application.status === 'implementing';
  const showObjections = application.availableActions.includes('upholdObjection') || objections.length > 0;
  const anchor = (section: DetailSection) => `detail-${section}`;
  const shown: [DetailSection, string, boolean][] = [
    ['content', '申报内容', true],
    ['review', '专家评审', reviews.length > 0 || application.status === 'checkPassed' || application.status === 'underReview'],
    ['objections', '公示异议', showObjections],
    ['reports', '报告', Boolean(application.reports.midterm || application.reports.final || application.reports.rectification)],
    ['claims', '指标完成', showClaims],
    ['records', '经费与协议', true],
    ['audit', '处理记录', true],
  ];
  const links: SectionLink[] = shown.filter(([, , on]) => on).map(([section, title]) => ({ id: anchor(section), title }));
  const focus = decisionSection(application, {
    openObjections: objections.filter((objection) => objection.status === 'open').length,
    pendingClaims: claims.filter((claim) => claim.verification === 'pending').length,
  });

  return (
    <View className="admin-page admin-page--with-bar">
      <ApplicationSummary application={application} program={program} contact={contact} />
      <SectionIndex links={links} focus={focus ? anchor(focus) : null} openKey={application._id} />
      <ModerationNotice
        moderation={application.moderation}
        target={{ entity: 'application', id: application._id, version: application.version }}
        onChanged={detail.reload}
      />
      <View id={anchor('content')}>
        <ApplicationContent
          application={application}
          program={program}
          onOpenAttachment={(fileId, name) => void openAttachment(fileId, name)}
        />
      </View>
      <ExportButton action="export.application" input={{ applicationId: application._id }} label="下载申报书（Word）" />
      <View id={anchor('review')}>
        <ReviewPanel application={application} program={program} reviews={reviews} onChanged={detail.reload} />
      </View>
      {showObjections ? (
        <Section id={anchor('objections')} title="公示异议" extra={objections.length ? `${objections.length} 条` : undefined}>
          <ObjectionList objections={objections} onChanged={detail.reload} />
        </Section>
      ) : null}
      <View id={anchor('reports')}>
        <ReportList application={application} program={program} links={fileLinks} />
      </View>
      {showClaims ? (
        <Section id={anchor('claims')} title="指标完成情况" extra={claims.length ? `${claims.length} 条，点图片看大图` : undefined}>
          <ClaimList claims={claims} program={program} links={fileLinks} onChanged={detail.reload} />
        </Section>
      ) : null}
      <View id={anchor('records')}>
        <AwardRecords application={application} />
        <RecordForms application={application} program={program} onSaved={detail.reload} />
        {application.availableActions.includes('pay') ? (
          <PayoutForm key={application.version} application={application} program={program} onPaid={detail.reload} />
        ) : null}
      </View>
      <Section id={anchor('audit')} title="处理记录">
        <AuditTrail entries={audit} />
      </Section>
      <DecisionBar
        application={application}
        program={program}
        next={detail.next}
        stage={detail.stage}
        blocked={data.blocked}
        onDecided={detail.reload}
      />
    </View>
  );
}
