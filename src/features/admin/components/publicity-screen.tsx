// 公示管理: publish each notice the programme's stages have — the shortlist (拟立项公示), the accepted awards'
// results (考核结果公示) — counted in Chinese working days by the server; follow objections; end a notice, which
// approves or confirms what it listed (per-item results).
import { Input, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionOutput, ApplicationSummaryView, BatchJobView, ProgramView } from '@/core/schemas/actions';
import { kindOf, noticeKinds } from '@/core/publicity/notice-kinds';
import type { Publicity, PublicityKind } from '@/core/schemas/documents';
import { ExportButton } from '@/components/export-button';
import { PageState } from '@/components/page-state';
import { useAction } from '@/features/common/use-action';
import { closePublicity, openPublicity } from '../api/publicity';
import { confirm, showSuccess, showMessage } from '@/lib/feedback';
import { go } from '@/lib/navigation';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { chineseDay, shanghaiDayOf } from '../dates';
import { progressText, useBatchProgress } from '../hooks/use-batch-progress';
import { useObjections, usePublicity } from '../hooks/use-publicity';
import { BatchResultDialog } from './batch-result-dialog';
import { DayField } from './form-fields';
import { ObjectionList } from './objection-list';
import { Section } from '@/components/section';
import { Money } from '@/components/money';
import '../admin.css';

type Opened = ActionOutput<'publicity.open'>;

interface OpenFormProps {
  program: ProgramView;
  kind: PublicityKind;
  count: number;
  onOpened: (notice: Opened) => void;
}

function OpenForm({ program, kind, count, onOpened }: OpenFormProps) {
  const meaning = noticeKinds[kind];
  const workingDays = program.stages[meaning.stage]?.workingDays ?? 0;
  const today = shanghaiDayOf(program.serverNow);
  const [title, setTitle] = useState(`${program.name}${meaning.titleSuffix}`);
  const [opensOn, setOpensOn] = useState('');
  const [contact, setContact] = useState('');
  const saving = useAction({ toast: showMessage });
  const issue = !title.trim() ? '请填写公示标题' : !contact.trim() ? '请填写异议受理联系方式' : null;

  async function open() {
    if (issue) return;
    const ok = await confirm(`发布${meaning.label}？`, `将公示${meaning.listed} ${count} 项，公示期 ${workingDays} 个工作日。`, '发布');
    if (!ok) return;
    const result = await saving.run(() =>
      openPublicity({
        programId: program._id,
        kind,
        title: title.trim(),
        contact: contact.trim(),
        ...(opensOn ? { opensOn } : {}),
      }),
    );
    if (!result) return;
    showSuccess('已发布公示');
    onOpened(result);
  }

  return (
    <View className="admin-form">
      <Text className="admin-form__label">公示标题</Text>
      <Input className="admin-form__input" value={title} maxlength={100} onInput={(event) => setTitle(event.detail.value)} />
      <DayField
        label="开始日期"
        value={opensOn || today}
        start={today}
        shown={opensOn ? undefined : `今天（${chineseDay(today)}）`}
        onChange={setOpensOn}
      />
      <Text className="admin-form__label">异议受理联系方式</Text>
      <Input
        className="admin-form__input"
        value={contact}
        maxlength={200}
        placeholder="如：学会秘书处 王秘书 028-12345678"
        onInput={(event) => setContact(event.detail.value)}
      />
      <Text className={issue ? 'admin-form__note admin-dialog__hint' : 'admin-form__note'}>
        {issue ?? `公示期 ${workingDays} 个工作日，节假日不计，调休上班日计入`}
      </Text>
      <Button type="primary" block disabled={issue !== null || count === 0} loading={saving.busy} onClick={() => void open()}>
        发布公示（{count} 项）
      </Button>
    </View>
  );
}

function NoticeCard({ notice, onClosed }: { notice: Publicity; onClosed: (job: BatchJobView, notice: Publicity) => void }) {
  const [showObjections, setShowObjections] = useState(notice.status === 'open');
  const objections = useObjections(notice._id, showObjections);
  const closing = useAction({ toast: showMessage });
  const projectOf = (applicationId: string | null) =>
    applicationId ? (notice.entries.find((entry) => entry.applicationId === applicationId)?.projectName ?? '（项目）') : '针对整个公示';
  const openCount = (objections.data ?? []).filter((objection) => objection.status === 'open').length;
  const meaning = noticeKinds[kindOf(notice)];

  async function close() {
    const ok = await confirm(
      `结束公示并${meaning.closes}？`,
      openCount > 0 ? `还有 ${openCount} 条异议未处理，仍要结束吗？` : `公示所列 ${notice.entries.length} 项将${meaning.closes}。`,
      '结束公示',
    );
    if (!ok) return;
    const job = await closing.run(() => closePublicity({ publicityId: notice._id }));
    if (job) onClosed(job, notice);
  }

  return (
    <Section
      title={notice.title}
      extra={<Tag type={notice.status === 'open' ? 'primary' : 'default'}>{notice.status === 'open' ? '公示中' : '已结束'}</Tag>}
    >
      <Text className="admin-list__sub">{meaning.label}</Text>
      <Text className="admin-list__sub">
        公示期 {chineseDay(notice.opensOn)}至{chineseDay(notice.closesOn)}（{notice.workingDays} 个工作日）
      </Text>
      {notice.fallbackYears.length > 0 ? (
        <Text className="admin-row__reason admin-row__reason--wrap">
          {notice.fallbackYears.join('、')} 年节假日数据缺失，按周一至周五计算，请核对
        </Text>
      ) : null}
      <View className="admin-list admin-list--spaced">
        {notice.entries.map((entry) => (
          <View
            className="admin-list__row"
            key={entry.applicationId}
            onClick={() => void go('applicationDetail', { id: entry.applicationId })}
          >
            <View className="admin-list__main">
              <Text className="admin-list__name">{entry.projectName}</Text>
              <Text className="admin-list__sub">
                {entry.orgName} · {entry.categoryName}
              </Text>
            </View>
            <Money className="admin-list__value" fen={entry.awardFen} />
          </View>
        ))}
      </View>
      <Text className="admin-list__sub">异议受理：{notice.contact}</Text>
      <View className="admin-claim__actions">
        <Button size="small" fill="outline" onClick={() => void go('publicNotice', { id: notice._id })}>
          查看公示页
        </Button>
        <Button size="small" fill="outline" onClick={() => setShowObjections(!showObjections)}>
          {showObjections ? '收起异议' : '查看异议'}
        </Button>
        {notice.status === 'open' ? (
          <Button size="small" type="primary" loading={closing.busy} onClick={() => void close()}>
            结束公示并{meaning.closes}
          </Button>
        ) : null}
      </View>
      <ExportButton action="export.publicity" input={{ publicityId: notice._id }} label="下载公示文件（Word）" />
      {notice.status === 'closed' && kindOf(notice) === 'shortlist' ? (
        <ExportButton
          action="export.awardNotice"
          input={{ programId: notice.programId }}
          label="下载立项通知（Word）"
          hint="立项通知列出已批准立项的项目及奖补金额。"
        />
      ) : null}
      {showObjections ? (
        <View className="admin-subsection">
          <Text className="admin-assign__title">异议{objections.data ? `（${objections.data.length}，待处理 ${openCount}）` : ''}</Text>
          <PageState loading={objections.loading && !objections.data} error={objections.error} onRetry={() => void objections.reload()}>
            <ObjectionList objections={objections.data ?? []} projectOf={projectOf} onChanged={objections.reload} />
          </PageState>
        </View>
      ) : null}
    </Section>
  );
}

/** The awards waiting for one kind of notice, and the form that publishes them. */
function WaitingSection({
  program,
  kind,
  applications,
  onOpened,
}: {
  program: ProgramView;
  kind: PublicityKind;
  applications: ApplicationSummaryView[];
  onOpened: (notice: Opened) => void;
}) {
  const meaning = noticeKinds[kind];
  return (
    <Section title={`发布${meaning.label}`} extra={`待公示 ${applications.length} 项`}>
      {applications.length > 0 ? (
        <>
          <View className="admin-list">
            {applications.map((application) => (
              <View className="admin-list__row" key={application._id}>
                <View className="admin-list__main">
                  <Text className="admin-list__name">{application.projectName}</Text>
                  <Text className="admin-list__sub">
                    {application.orgName} · {application.categoryName}
                  </Text>
                </View>
              </View>
            ))}
          </View>
          <OpenForm program={program} kind={kind} count={applications.length} onOpened={onOpened} />
        </>
      ) : kind === 'shortlist' ? (
        <View>
          <Text className="admin-muted">暂无拟立项项目。请先在评审排名中列入拟立项。</Text>
          <Text className="admin-link" onClick={() => void go('ranking', { programId: program._id })}>
            去评审排名 ›
          </Text>
        </View>
      ) : (
        <Text className="admin-muted">暂无{meaning.listed}。验收通过后，在此公示考核结果。</Text>
      )}
    </Section>
  );
}

export function PublicityScreen({ programId }: { programId?: string }) {
  const remote = usePublicity(programId);
  useReloadOnShow(remote.reload);
  const [opened, setOpened] = useState<Opened['notice'] | null>(null);
  const [closed, setClosed] = useState<Publicity | null>(null);
  // Entries going into a notice, or a notice's entries being approved: the server carries on past the call.
  const opening = useBatchProgress(() => remote.reload());
  const closing = useBatchProgress(() => remote.reload());
  const data = remote.data;
  if (!data) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;
  const names = new Map(closed?.entries.map((entry) => [entry.applicationId, `${entry.orgName}：${entry.projectName}`]) ?? []);

  return (
    <View className="admin-page">
      {opened ? (
        <View className="admin-notice admin-notice--ok">
          <Text className="admin-notice__title">已发布：{opened.title}</Text>
          <Text className="admin-notice__text">
            {opened.periodText}（{opened.workingDays} 个工作日）
          </Text>
          {opened.calendarWarning ? <Text className="admin-notice__text">{opened.calendarWarning}</Text> : null}
          {progressText(opening.job) ? <Text className="admin-notice__text">{progressText(opening.job)}</Text> : null}
        </View>
      ) : null}
      {data.waiting.length === 0 ? <Text className="admin-muted">本项目不设公示环节。</Text> : null}
      {data.waiting.map(({ kind, applications }) => (
        <WaitingSection
          key={kind}
          program={data.program}
          kind={kind}
          applications={applications}
          onOpened={(result) => {
            setOpened(result.notice);
            opening.follow(result.job);
            void remote.reload();
          }}
        />
      ))}
      {data.notices.length === 0 ? (
        <Text className="admin-footnote">尚未发布过公示</Text>
      ) : (
        data.notices.map((notice) => (
          <NoticeCard
            key={`${notice._id}-${notice.version}`}
            notice={notice}
            onClosed={(job, ended) => {
              setClosed(ended);
              closing.follow(job);
              void remote.reload();
            }}
          />
        ))
      )}
      <BatchResultDialog
        title={closed ? `结束公示：${noticeKinds[kindOf(closed)].closes}结果` : null}
        results={closing.job?.outcomes ?? []}
        progress={progressText(closing.job)}
        nameOf={(id) => names.get(id) ?? id}
        onClose={() => {
          setClosed(null);
          closing.clear();
        }}
      />
    </View>
  );
}
