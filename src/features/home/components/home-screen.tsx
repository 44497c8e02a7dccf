// 首页: who I am, the society's programmes, and the entries my role may use.
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { ProgramNotes, ProgramProcess } from '@/components/program-info';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import type { ProgramView, SessionView } from '@/core/schemas/actions';
import { roleLabelFor } from '@/core/schemas/labels';
import { go, restart, type RouteName } from '@/lib/navigation';
import { isH5 } from '@/lib/platform';
import { clearSession } from '@/lib/session';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { useSignedIn } from '@/features/common/use-signed-in';
import { useHome } from '../hooks/use-home';
import { RoleSwitcher } from './role-switcher';
import { Unregistered } from './unregistered';

interface Entry {
  title: string;
  description: string;
  route: RouteName;
  params?: Record<string, string>;
}

function EntryLink({ entry }: { entry: Entry }) {
  return (
    <View className="home-entry" onClick={() => void go(entry.route, entry.params)}>
      <View className="home-entry__text">
        <View className="home-entry__title">{entry.title}</View>
        <View className="home-entry__description">{entry.description}</View>
      </View>
      <View className="home-entry__arrow">›</View>
    </View>
  );
}

/** Entries that belong to one programme (the secretariat works programme by programme). */
function programEntries(session: SessionView, program: ProgramView): Entry[] {
  if (session.user.role !== 'secretariat') return [];
  return [
    { title: '申报审核', description: '形式审查、分配专家、中期与验收、奖补发放', route: 'queue', params: { programId: program._id } },
    { title: '评审排名', description: '各类别得分、离散度与拟立项名额', route: 'ranking', params: { programId: program._id } },
    { title: '公示管理', description: '发布公示、处理异议、公示期满批准立项', route: 'publicity', params: { programId: program._id } },
    { title: '指标看板', description: '承诺、填报、核实与目标差距', route: 'dashboard', params: { programId: program._id } },
  ];
}

function roleEntries(session: SessionView, programs: readonly ProgramView[]): Entry[] {
  if (session.user.role === 'applicant') {
    const first = programs.find((program) => program.windowOpen) ?? programs[0];
    return [
      {
        title: '我的申报',
        description: '填写、提交申报书，立项后填报指标完成情况',
        route: 'myApplications',
        params: first ? { programId: first._id } : {},
      },
    ];
  }
  if (session.user.role === 'reviewer') {
    return [{ title: '评审任务', description: '查看并评审分配给我的申报', route: 'reviewQueue' }];
  }
  return [
    { title: '项目设置', description: '从模板新建项目，修改日期、名额、金额、指标与表单', route: 'programs' },
    { title: '下属单位', description: '新增、编辑、停用本单位管理的下属单位', route: 'organizations' },
    { title: '人员与邀请', description: '邀请单位联系人、评审专家和秘书处成员，管理其身份', route: 'people' },
  ];
}

interface ProgramCardProps {
  program: ProgramView;
  entries: Entry[];
  /** The secretariat sees the notes on the programme's source document. */
  staff: boolean;
  /** The page heading already names the first programme. */
  showName: boolean;
}

function ProgramCard({ program, entries, showName, staff }: ProgramCardProps) {
  return (
    <View className="home-card">
      <View className="home-card__head">
        <View className="home-card__name">{showName ? program.name : '项目概况'}</View>
        <View className="home-card__tag">
          <Tag type={program.windowOpen ? 'success' : 'default'}>{program.windowOpen ? '申报中' : '未在申报期'}</Tag>
        </View>
      </View>
      <View className="home-card__summary">{program.summary}</View>
      {program.categories.map((category) => (
        <View key={category.key} className="home-card__fact">
          {program.categories.length > 1 ? `${category.name}：` : '奖补 '}
          {category.quotaMax === null ? '名额不限' : `${category.quotaMax} 项`} × {formatYuan(category.awardAmountFen)}
        </View>
      ))}
      <View className="home-card__fact">申报截止 {formatShanghaiDateTime(program.deadline)}</View>
      {staff ? <ProgramNotes program={program} /> : null}
      <ProgramProcess program={program} />
      {entries.map((entry) => (
        <EntryLink key={entry.title} entry={entry} />
      ))}
    </View>
  );
}

export function HomeScreen() {
  const signedIn = useSignedIn();
  const remote = useHome(signedIn);
  // Back from the messages page (or a decision elsewhere): the unread count and statuses have moved on.
  useReloadOnShow(remote.reload);
  if (!signedIn) return null;

  const switchAccount = () => {
    clearSession();
    void restart('login');
  };

  const data = remote.data;
  if (data && !data.registered) return <Unregistered onSwitchAccount={isH5 ? switchAccount : null} />;
  return (
    <View className="page home-page">
      <PageState loading={remote.loading && !remote.data} error={remote.data ? null : remote.error} onRetry={() => void remote.reload()}>
        {data ? (
          <View>
            <View className="home-title">{data.programs[0]?.name ?? '学会奖补通'}</View>
            <View className="home-me">
              <View className="home-me__text">
                <View className="home-me__name">{data.session.user.name}</View>
                <View className="home-me__meta">
                  {roleLabelFor(data.session.user.role, data.session.org.kind)} · {data.session.org.name}
                </View>
              </View>
              {isH5 ? (
                <View className="home-me__switch" onClick={switchAccount}>
                  切换账号
                </View>
              ) : null}
            </View>
            <RoleSwitcher roles={data.session.roles} actingUserId={data.session.user.id} onSwitched={() => void remote.reload()} />
            <View className="home-entry home-messages" onClick={() => void go('messages')}>
              <View className="home-entry__text">
                <View className="home-entry__title">
                  消息
                  {data.session.unreadNotifications > 0 ? (
                    <Text className="home-messages__badge">{data.session.unreadNotifications} 条未读</Text>
                  ) : null}
                </View>
                <View className="home-entry__description">申报进展、审核结果与提醒</View>
              </View>
              <View className="home-entry__arrow">›</View>
            </View>
            {roleEntries(data.session, data.programs).map((entry) => (
              <EntryLink key={entry.title} entry={entry} />
            ))}
            {data.programs.length === 0 ? (
              <View className="home-intro">暂无奖补项目。</View>
            ) : (
              data.programs.map((program, index) => (
                <ProgramCard
                  key={program._id}
                  program={program}
                  entries={programEntries(data.session, program)}
                  showName={index > 0}
                  staff={data.session.user.role === 'secretariat'}
                />
              ))
            )}
          </View>
        ) : null}
      </PageState>
      {isH5 && remote.error ? (
        <View className="home-actions">
          <Button size="large" block onClick={switchAccount}>
            重新选择账号
          </Button>
        </View>
      ) : null}
      <View className="home-footer">
        <View onClick={() => void go('privacy')}>隐私保护指引</View>
        <View onClick={() => void go('myData')}>我的数据</View>
      </View>
    </View>
  );
}
