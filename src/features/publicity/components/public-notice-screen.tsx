// 公示: the shortlist (拟立项) or the assessment results (考核结果) as anyone sees it, signed in or not: who issues it
// and when, period, entries, where to object, and the objection form (with a receipt number to quote) while open.
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { formatCalendarDay, formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import { noticeKinds } from '@/core/publicity/notice-kinds';
import type { PublicNoticeView } from '@/core/schemas/actions';
import { OBJECTION_MAX, useObjectionForm } from '../hooks/use-objection-form';
import type { PublicNoticeRemote } from '../hooks/use-public-notice';
import './notice.css';

function ObjectionForm({ notice }: { notice: PublicNoticeView }) {
  const form = useObjectionForm(notice.id);
  const targets = [{ applicationId: null as string | null, label: '针对公示整体' }].concat(
    notice.entries.map((entry) => ({ applicationId: entry.applicationId, label: `${entry.orgName}：${entry.projectName}` })),
  );
  const index = Math.max(
    0,
    targets.findIndex((target) => target.applicationId === form.draft.applicationId),
  );

  if (form.receipt) {
    return (
      <View className="notice-section">
        <View className="notice-section__title">{form.receipt.duplicate ? '您已提交过这条异议' : '异议已受理'}</View>
        <View className="notice-receipt">
          <View className="notice-receipt__label">受理编号</View>
          <Text className="notice-receipt__number" userSelect>
            {form.receipt.receiptNo}
          </Text>
        </View>
        <View className="notice-text">
          受理时间 {formatShanghaiDateTime(form.receipt.receivedAt)}
          。请记下受理编号，向秘书处查询时报此编号即可。秘书处将核实处理，并通过您留下的电话联系您。
        </View>
        <Button className="notice-button" fill="outline" type="primary" block onClick={form.again}>
          再提一条异议
        </Button>
      </View>
    );
  }

  return (
    <View className="notice-section">
      <View className="notice-section__title">提出异议</View>
      <View className="notice-text notice-text--muted">公示期内，任何单位和个人均可实名提出异议。</View>
      <View className="notice-field">
        <View className="notice-field__label">异议对象</View>
        <Picker
          mode="selector"
          range={targets.map((target) => target.label)}
          value={index}
          onChange={(event) => form.change({ applicationId: targets[Number(event.detail.value)]?.applicationId ?? null })}
        >
          <View className="notice-picker">
            <View className="notice-picker__text">{targets[index].label}</View>
            <View className="notice-picker__arrow">›</View>
          </View>
        </Picker>
      </View>
      <View className="notice-field">
        <View className="notice-field__label">异议内容</View>
        <TextArea
          className="notice-textarea"
          value={form.draft.content}
          maxLength={-1}
          rows={5}
          autoSize
          placeholder="请写明异议事实和理由"
          onChange={(content: string) => form.change({ content })}
        />
        <View className={`notice-counter${form.contentChars > OBJECTION_MAX ? ' notice-counter--over' : ''}`}>
          {form.contentChars} / {OBJECTION_MAX}
        </View>
      </View>
      <View className="notice-field">
        <View className="notice-field__label">联系人</View>
        <Input
          className="notice-input"
          value={form.draft.contactName}
          placeholder="请填写真实姓名"
          onChange={(contactName) => form.change({ contactName })}
        />
      </View>
      <View className="notice-field">
        <View className="notice-field__label">联系电话</View>
        <Input
          className="notice-input"
          type="number"
          maxLength={30}
          value={form.draft.contactPhone}
          placeholder="手机或固定电话"
          onChange={(contactPhone) => form.change({ contactPhone })}
        />
      </View>
      {form.error ? <View className="notice-error">{form.error}</View> : null}
      <Button
        className="notice-button"
        type="primary"
        size="large"
        block
        loading={form.sending}
        disabled={form.sending}
        onClick={() => void form.submit()}
      >
        提交异议
      </Button>
    </View>
  );
}

export function PublicNoticeScreen({ notice: remote }: { notice: PublicNoticeRemote }) {
  const notice = remote.data;
  return (
    <View className="page notice-page">
      <PageState loading={remote.loading && !notice} error={notice ? null : remote.error} onRetry={() => void remote.reload()}>
        {notice ? (
          <View>
            <View className="notice-head">
              <View className="notice-head__program">{notice.programName}</View>
              <View className="notice-head__kind">{notice.kindLabel}</View>
              <View className="notice-head__title">{notice.title}</View>
              <View className="notice-issuer">
                发布单位：{notice.issuer} · 发布日期：{formatCalendarDay(notice.issuedOn)}
              </View>
              <View className={`notice-period${notice.open ? '' : ' notice-period--closed'}`}>
                <View className="notice-period__text">{notice.periodText}</View>
                <View className="notice-period__meta">
                  {notice.workingDays} 个工作日 · {notice.open ? '公示中' : '公示已结束'}
                </View>
              </View>
              {notice.calendarWarning ? <View className="notice-warning">{notice.calendarWarning}</View> : null}
            </View>
            <View className="notice-section">
              <View className="notice-section__title">
                {noticeKinds[notice.kind].entriesTitle}（{notice.entries.length} 项）
              </View>
              {notice.entries.length === 0 ? <View className="notice-text notice-text--muted">名单为空。</View> : null}
              {notice.entries.map((entry, position) => (
                <View key={entry.applicationId} className="notice-entry">
                  <View className="notice-entry__index">{position + 1}</View>
                  <View className="notice-entry__body">
                    <View className="notice-entry__org">{entry.orgName}</View>
                    <View className="notice-entry__project">{entry.projectName}</View>
                    <View className="notice-entry__meta">
                      {entry.categoryName} · {formatYuan(entry.awardFen)}
                    </View>
                  </View>
                </View>
              ))}
            </View>
            <View className="notice-section">
              <View className="notice-section__title">异议受理</View>
              <View className="notice-text">{notice.contact}</View>
              <View className="notice-signature">{notice.issuer}</View>
              <View className="notice-signature">{formatCalendarDay(notice.issuedOn)}</View>
            </View>
            {notice.open ? (
              <ObjectionForm notice={notice} />
            ) : (
              <View className="notice-section">
                <View className="notice-text notice-text--muted">公示期已结束，不再受理异议。</View>
              </View>
            )}
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
