// 填报指标完成情况: an awardee claims an achievement against an indicator, with the activity's day and place and
// evidence: photos, PDF or Word files, and a 天府科技云 record link.
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Picker, View } from '@tarojs/components';
import { formatCalendarDay } from '@/core/calendar/shanghai';
import { PageState } from '@/components/page-state';
import { indicatorByKey } from '@/core/program/program-rules';
import type { ApplicationDetail } from '@/core/schemas/actions';

import { showSuccess } from '@/lib/feedback';
import { back } from '@/lib/navigation';
import { useSignedIn } from '@/features/common/use-signed-in';
import { useOwnApplication } from '../hooks/use-own-application';
import { indicatorProgress, pastCommitmentWarning } from '../claim-progress';
import { DESCRIPTION_MAX, PLACE_MAX, useClaimForm } from '../hooks/use-claim-form';
import { EvidencePhotoGrid } from './evidence-photo-grid';
import { IndicatorPicker } from './indicator-picker';
import './apply-form.css';

const verificationLabels = { pending: '待秘书处核实', verified: '已核实', rejected: '核实未通过' } as const;

function ClaimList({ detail }: { detail: ApplicationDetail }) {
  if (detail.claims.length === 0) {
    return <View className="apply-hint">还没有填报记录。</View>;
  }
  return (
    <View>
      {[...detail.claims].reverse().map((claim) => {
        const indicator = indicatorByKey(detail.program, claim.indicatorKey);
        return (
          <View key={claim._id} className="apply-line">
            <View className="apply-line__main">
              <View>{indicator?.name ?? claim.indicatorKey}</View>
              <View className="apply-line__amount">
                {claim.amount} {indicator?.unit ?? ''}
              </View>
            </View>
            <View className="apply-line__note">{claim.description}</View>
            <View className="apply-line__note">
              佐证材料 {claim.fileIds.length} 份{claim.links.length > 0 ? `，天府科技云链接 ${claim.links.length} 个` : ''}
              {claim.activityOn ? ` · 活动日期 ${formatCalendarDay(claim.activityOn)}` : ''}
            </View>
            <View className={`apply-verification apply-verification--${claim.verification}`}>{verificationLabels[claim.verification]}</View>
            {claim.verification === 'rejected' && claim.verificationReason ? (
              <View className="apply-row__error">未通过原因：{claim.verificationReason}</View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/** Committed, claimed and verified amounts of one indicator, so the contact sees how far they are. */
function progressOf(detail: ApplicationDetail, indicatorKey: string): string | null {
  const indicator = indicatorByKey(detail.program, indicatorKey);
  if (!indicator) return null;
  const progress = indicatorProgress(detail, indicatorKey);
  const committedText = progress.committed === null ? '未承诺' : `承诺 ${progress.committed} ${indicator.unit}`;
  return `${committedText}，已填报 ${progress.claimed}，已核实 ${progress.verified} ${indicator.unit}`;
}

interface ClaimEditorProps {
  applicationId: string;
  detail: ApplicationDetail;
  onSubmitted: () => void;
}

function ClaimEditor({ applicationId, detail, onSubmitted }: ClaimEditorProps) {
  const form = useClaimForm(applicationId, detail);
  const { evidence } = form;
  const unit = indicatorByKey(detail.program, form.indicatorKey)?.unit ?? '';
  const progress = form.indicatorKey ? progressOf(detail, form.indicatorKey) : null;
  const warning = form.indicatorKey
    ? pastCommitmentWarning(indicatorProgress(detail, form.indicatorKey), Number(form.amountText.trim()), unit)
    : null;

  const onSubmit = async () => {
    if (await form.submit()) {
      showSuccess('已提交');
      // Opened without a page behind it: stay, and show the new claim in the list.
      back().catch(onSubmitted);
    }
  };

  return (
    <View>
      {form.restored ? <View className="apply-notice apply-notice--info">已恢复未提交的内容</View> : null}
      <View className="apply-section">
        <View className="apply-section__title">指标</View>
        <IndicatorPicker indicators={form.indicators} value={form.indicatorKey} onChange={form.setIndicatorKey} />
        {progress ? <View className="apply-hint">{progress}</View> : null}
      </View>
      <View className="apply-section">
        <View className="apply-section__title">完成数量</View>
        <View className="apply-field apply-field--inline">
          <Input
            className="apply-input apply-input--short"
            type="number"
            value={form.amountText}
            placeholder="整数"
            onChange={form.setAmountText}
          />
          <View className="apply-field__unit">{unit}</View>
        </View>
        {warning ? <View className="apply-notice apply-notice--warning">{warning}</View> : null}
      </View>
      <View className="apply-section">
        <View className="apply-section__title">完成情况说明</View>
        <TextArea
          className="apply-textarea"
          value={form.description}
          maxLength={-1}
          rows={5}
          autoSize
          status={form.descriptionChars > DESCRIPTION_MAX ? 'error' : 'default'}
          placeholder="时间、地点、内容、成效等"
          onChange={form.setDescription}
        />
        <View className={`apply-counter${form.descriptionChars > DESCRIPTION_MAX ? ' apply-counter--over' : ''}`}>
          {form.descriptionChars} / {DESCRIPTION_MAX}
        </View>
      </View>
      <View className="apply-section">
        <View className="apply-section__title">活动日期与地点</View>
        <Picker
          mode="date"
          value={form.activityOn || form.today}
          end={form.today}
          onChange={(event) => form.setActivityOn(String(event.detail.value))}
        >
          <View className={`apply-picker${form.activityOn ? '' : ' apply-picker--empty'}`}>
            <View className="apply-picker__text">{form.activityOn ? formatCalendarDay(form.activityOn) : '选择活动日期'}</View>
          </View>
        </Picker>
        <Input
          className="apply-input"
          value={form.place}
          maxLength={PLACE_MAX}
          placeholder="活动地点，如 成都市武侯区 学会报告厅"
          onChange={form.setPlace}
        />
      </View>
      <EvidencePhotoGrid evidence={evidence} title="佐证材料（照片、PDF、Word）" documents />
      <View className="apply-section">
        <View className="apply-section__title">天府科技云记录链接（可选）</View>
        <Input className="apply-input" value={form.link} placeholder="https://www.tfkjy.cn/…" onChange={form.setLink} />
      </View>
      {form.error ? <View className="apply-notice apply-notice--error">{form.error}</View> : null}
      <View className="apply-actions">
        <Button type="primary" size="large" block loading={form.sending} disabled={form.sending} onClick={() => void onSubmit()}>
          提交
        </Button>
      </View>
    </View>
  );
}

export function ClaimForm({ applicationId }: { applicationId?: string }) {
  const signedIn = useSignedIn();
  const remote = useOwnApplication(applicationId);

  if (!signedIn) return null;
  const detail = remote.data;
  const mayClaim = detail?.application.availableActions.includes('claim') ?? false;

  return (
    <View className="page apply-page">
      <PageState loading={remote.loading && !detail} error={detail ? null : remote.error} onRetry={() => void remote.reload()}>
        {detail && applicationId ? (
          <View>
            <View className="apply-header">
              <View className="apply-header__program">{detail.application.projectName || '（未命名项目）'}</View>
              <View className="apply-hint">{detail.program.name}</View>
            </View>
            {mayClaim ? (
              <ClaimEditor
                key={detail.claims.length}
                applicationId={applicationId}
                detail={detail}
                onSubmitted={() => void remote.reload()}
              />
            ) : (
              <View className="apply-banner apply-banner--warning">
                该申报当前状态为“{detail.application.statusLabel}”，立项后才能填报指标完成情况。
              </View>
            )}
            <View className="apply-section">
              <View className="apply-section__title">已填报</View>
              <ClaimList detail={detail} />
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
