// 项目设置: the society's programmes, and new ones started from a template (the four seed programmes).
import { Input, Text, View } from '@tarojs/components';
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import { publishIssue } from '@/core/program/program-rules';
import { PageState } from '@/components/page-state';
import { useAction } from '@/features/common/use-action';
import { listPrograms } from '@/features/common/api/shared';
import { createProgramFromTemplate, programTemplates } from '../api/programs';
import { newRequestId } from '@/lib/drafts';
import { showSuccess, showMessage } from '@/lib/feedback';
import { go } from '@/lib/navigation';
import { useRemote } from '@/features/common/use-remote';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { Section } from '@/components/section';
import '../admin.css';

interface Template {
  code: string;
  name: string;
}

function CreateDialog({ template, onClose }: { template: Template | null; onClose: () => void }) {
  const [name, setName] = useState('');
  // One request id per dialog opening, so a retried tap after a lost answer creates one programme.
  const [requestId, setRequestId] = useState(newRequestId);
  const creating = useAction({ toast: showMessage });

  async function create() {
    if (!template) return;
    const program = await creating.attempt(() => createProgramFromTemplate({ templateCode: template.code, requestId, name: name.trim() }));
    showSuccess('已新建');
    setName('');
    setRequestId(newRequestId());
    onClose();
    void go('programEdit', { programId: program._id });
  }

  return (
    <Dialog
      visible={template !== null}
      title="从模板新建"
      confirmText="新建"
      disableConfirmButton={!name.trim()}
      onConfirm={create}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="admin-dialog">
        <Text className="admin-dialog__text">
          模板：{template?.name}。新建的项目先是草稿，只有秘书处能看到：改好各项设置、预览无误后再发布。
        </Text>
        {template ? (
          <Input
            className="admin-form__input"
            value={name}
            maxlength={80}
            placeholder="新项目名称，如 2024年创建一流科技社团培育奖励"
            onInput={(event) => setName(event.detail.value)}
          />
        ) : null}
      </View>
    </Dialog>
  );
}

export function ProgramsScreen() {
  const remote = useRemote(async () => {
    const [programs, templates] = await Promise.all([listPrograms(), programTemplates()]);
    return { programs, templates };
  }, []);
  useReloadOnShow(remote.reload);
  const [template, setTemplate] = useState<Template | null>(null);
  const data = remote.data;
  if (!data) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;

  return (
    <View className="admin-page">
      <Section title="本单位主办的项目" extra={`${data.programs.length} 个`}>
        {data.programs.length === 0 ? <Text className="admin-muted">暂无项目，可从下方模板新建</Text> : null}
        {data.programs.map((program) => (
          <View className="admin-program" key={program._id}>
            <View className="admin-claim__head">
              <Text className="admin-list__name">{program.name}</Text>
              {program.draft ? (
                <Tag type="warning">草稿 · 未发布</Tag>
              ) : (
                <Tag type={program.windowOpen ? 'success' : 'default'}>{program.windowOpen ? '申报中' : '未在申报期'}</Tag>
              )}
            </View>
            <Text className="admin-list__sub">
              {program.categories.length} 个类别 · 资金池 {formatYuan(program.poolFen)} · 截止 {formatShanghaiDateTime(program.deadline)}
            </Text>
            {program.draft ? (
              <Text className="admin-claim__text">
                {publishIssue(program, new Date(program.serverNow)) ?? '只有秘书处能看到草稿；核对设置、预览后发布，申报单位即可看到。'}
              </Text>
            ) : null}
            <View className="admin-claim__actions">
              <Button size="small" fill="outline" onClick={() => void go('queue', { programId: program._id })}>
                申报管理
              </Button>
              <Button size="small" type="primary" onClick={() => void go('programEdit', { programId: program._id })}>
                编辑设置
              </Button>
              {program.draft ? (
                <Button size="small" type="primary" onClick={() => void go('programEdit', { programId: program._id, view: 'preview' })}>
                  预览并发布
                </Button>
              ) : null}
            </View>
          </View>
        ))}
      </Section>
      <Section title="从模板新建">
        {data.templates.length === 0 ? <Text className="admin-muted">暂无模板</Text> : null}
        {data.templates.map((item) => (
          <View className="admin-program" key={item.code}>
            <Text className="admin-list__name">{item.name}</Text>
            <Text className="admin-list__sub">{item.categories} 个类别</Text>
            <Text className="admin-claim__text admin-clamp">{item.summary}</Text>
            <View className="admin-claim__actions">
              <Button size="small" type="primary" fill="outline" onClick={() => setTemplate(item)}>
                从模板新建
              </Button>
            </View>
          </View>
        ))}
      </Section>
      <CreateDialog template={template} onClose={() => setTemplate(null)} />
    </View>
  );
}
