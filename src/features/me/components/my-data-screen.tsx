// 我的数据: the person's roles and how many records of each kind the system holds about them, and the whole of it
// as a file to keep.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { formatShanghaiDate, formatShanghaiDateTime, inShanghai } from '@/core/calendar/shanghai';
import type { PersonView } from '@/core/schemas/actions';
import { roleLabels } from '@/core/schemas/labels';
import { useAction } from '@/features/common/use-action';
import { showSuccess, showMessage } from '@/lib/feedback';
import { keepTextFile } from '@/lib/keep-file';
import { go } from '@/lib/navigation';
import { useMyData } from '../hooks/use-my-data';
import '../me.css';

/** The kinds of records the export holds, as a person would name them. */
const recordLabels: Record<string, string> = {
  users: '身份记录',
  notifications: '消息',
  reviews: '评审意见',
  invitations: '邀请',
  audit: '操作记录',
};

function roleState(role: PersonView): string {
  if (role.removed) return '已移除';
  return role.active ? '有效' : '已撤销';
}

const keptMessages = {
  downloaded: '已下载',
  shared: '已发送',
  copied: '已复制到剪贴板',
  cancelled: null,
} as const;

export function MyDataScreen() {
  const remote = useMyData();
  const exporting = useAction({ toast: showMessage });
  const data = remote.data;

  const exportAll = async () => {
    if (!data) return;
    const fileName = `my-data-${inShanghai(data.exportedAt).format('YYYYMMDD')}.json`;
    const kept = await exporting.run(() => keepTextFile(fileName, JSON.stringify(data, null, 2)));
    const message = kept ? keptMessages[kept] : null;
    if (message) showSuccess(message);
  };

  return (
    <View className="page my-data">
      <PageState loading={remote.loading && !data} error={data ? null : remote.error} onRetry={() => void remote.reload()}>
        {data ? (
          <View>
            <View className="my-data__intro">
              以下是系统中保存的关于您本人的信息（截至 {formatShanghaiDateTime(data.exportedAt)}
              ）。申报书等单位材料属于单位，请在申报页面查看。
            </View>
            <View className="my-data__card">
              <View className="my-data__heading">我的身份</View>
              {data.roles.map((role) => (
                <View key={role.userId} className="my-data__row">
                  <View className="my-data__main">
                    <View>
                      {roleLabels[role.role]} · {role.orgName}
                    </View>
                    <View className="my-data__meta">
                      {role.name}
                      {role.phone ? ` · ${role.phone}` : ''} · 自 {formatShanghaiDate(role.createdAt)}
                    </View>
                  </View>
                  <View className="my-data__state">{roleState(role)}</View>
                </View>
              ))}
            </View>
            <View className="my-data__card">
              <View className="my-data__heading">保存的记录</View>
              {Object.entries(data.records).map(([kind, records]) => (
                <View key={kind} className="my-data__row">
                  <View className="my-data__main">{recordLabels[kind] ?? kind}</View>
                  <View className="my-data__state">{records.length} 条</View>
                </View>
              ))}
            </View>
            <View className="my-data__actions">
              <Button type="primary" size="large" block loading={exporting.busy} disabled={exporting.busy} onClick={() => void exportAll()}>
                导出全部数据
              </Button>
              <View className="my-data__hint">
                导出为 JSON 文件。在微信中可发送到“文件传输助手”保存。如需更正或删除，请联系主办单位秘书处。
              </View>
            </View>
          </View>
        ) : null}
      </PageState>
      <View className="home-footer">
        <View onClick={() => void go('privacy')}>隐私保护指引</View>
      </View>
    </View>
  );
}
