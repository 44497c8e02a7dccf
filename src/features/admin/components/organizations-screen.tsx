// 下属单位: the organisations under the secretariat's organiser, with 新增 / 编辑 / 停用.
import { Input, Text, View } from '@tarojs/components';
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { managedKinds } from '@/core/organization/managed-kinds';
import { profileOf } from '@/core/organization/profile';
import { orgKindLabels, type OrgKind } from '@/core/schemas/labels';
import { organizationProfileSchema, type Organization, type OrganizationProfile } from '@/core/schemas/documents';
import { PageState } from '@/components/page-state';
import { useAction } from '@/features/common/use-action';
import { currentSession } from '@/features/common/api/shared';
import { createOrganization, deactivateOrganization, listOrganizations, updateOrganization } from '../api/organizations';
import { newRequestId } from '@/lib/drafts';
import { showSuccess, showMessage } from '@/lib/feedback';
import { useRemote } from '@/features/common/use-remote';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { go } from '@/lib/navigation';
import { Chip, ProfileFields } from './organization-profile-fields';
import { OrganizationImport } from './organization-import';
import { ReasonDialog } from './reason-dialog';
import { Section } from '@/components/section';
import '../admin.css';

interface OrgDraft {
  kind: OrgKind;
  name: string;
  profile: OrganizationProfile;
  contactPhone: string;
  address: string;
}

function draftOf(org: Organization | null, kind: OrgKind): OrgDraft {
  return {
    kind: org?.kind ?? kind,
    name: org?.name ?? '',
    profile: org ? profileOf(org) : organizationProfileSchema.parse({}),
    contactPhone: org?.contactPhone ?? '',
    address: org?.address ?? '',
  };
}

interface EditDialogProps {
  /** null: closed; 'new': a new unit; otherwise the unit edited. */
  target: Organization | 'new' | null;
  kinds: readonly OrgKind[];
  /** The server's clock bounds the year and day pickers (the demo's clock may differ from the phone's). */
  serverNow: string;
  onClose: () => void;
  onSaved: () => void;
}

function EditDialog({ target, kinds, serverNow, onClose, onSaved }: EditDialogProps) {
  const editing = target !== null && target !== 'new' ? target : null;
  const [draft, setDraft] = useState<OrgDraft>(() => draftOf(editing, kinds[0] ?? 'branch'));
  // One request id per new unit, so a retried tap after a lost answer creates it once.
  const [requestId, setRequestId] = useState(newRequestId);
  const [shown, setShown] = useState(target);
  const saving = useAction({ toast: showMessage });
  if (shown !== target) {
    setShown(target);
    setDraft(draftOf(editing, kinds[0] ?? 'branch'));
  }
  const set = (patch: Partial<OrgDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setProfile = (patch: Partial<OrganizationProfile>) =>
    setDraft((current) => ({ ...current, profile: { ...current.profile, ...patch } }));

  async function save() {
    const fields = {
      name: draft.name.trim(),
      profile: draft.profile,
      ...(draft.contactPhone.trim() ? { contactPhone: draft.contactPhone.trim() } : {}),
      ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
    };
    await saving.attempt(async () => {
      if (editing) await updateOrganization({ organizationId: editing._id, version: editing.version, ...fields });
      else {
        await createOrganization({ requestId, kind: draft.kind, ...fields });
        setRequestId(newRequestId());
      }
    });
    showSuccess('已保存');
    onSaved();
  }

  return (
    <Dialog
      visible={target !== null}
      title={editing ? '编辑单位' : '新增单位'}
      confirmText="保存"
      disableConfirmButton={!draft.name.trim()}
      onConfirm={save}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="admin-dialog admin-form">
        {editing ? null : (
          <>
            <Text className="admin-form__label">类型</Text>
            <View className="admin-chips">
              {kinds.map((kind) => (
                <Chip key={kind} on={draft.kind === kind} label={orgKindLabels[kind]} onClick={() => set({ kind })} />
              ))}
            </View>
          </>
        )}
        <Text className="admin-form__label">单位名称</Text>
        {target !== null ? (
          <Input className="admin-form__input" value={draft.name} maxlength={80} onInput={(event) => set({ name: event.detail.value })} />
        ) : null}
        <ProfileFields profile={draft.profile} onChange={setProfile} now={new Date(serverNow)} />
        <Text className="admin-form__label">联系电话（选填）</Text>
        {target !== null ? (
          <Input
            className="admin-form__input"
            type="text"
            value={draft.contactPhone}
            maxlength={20}
            placeholder="手机号或带区号的固定电话"
            onInput={(event) => set({ contactPhone: event.detail.value })}
          />
        ) : null}
        <Text className="admin-form__label">地址（选填）</Text>
        {target !== null ? (
          <Input
            className="admin-form__input"
            value={draft.address}
            maxlength={200}
            onInput={(event) => set({ address: event.detail.value })}
          />
        ) : null}
      </View>
    </Dialog>
  );
}

export function OrganizationsScreen() {
  const remote = useRemote(async () => {
    const [session, organizations] = await Promise.all([currentSession(), listOrganizations()]);
    return { kinds: managedKinds(session.org.kind), organizations, serverNow: session.serverNow };
  }, []);
  useReloadOnShow(remote.reload);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<Organization | null>(null);
  const deactivation = useAction({ toast: showMessage });
  const data = remote.data;
  if (!data) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;

  async function deactivate(reason: string) {
    if (!deactivating) return;
    await deactivation.attempt(() => deactivateOrganization({ organizationId: deactivating._id, version: deactivating.version, reason }));
    showSuccess('已停用');
    setDeactivating(null);
    void remote.reload();
  }

  return (
    <View className="admin-page">
      <Section title="下属单位" extra={`${data.organizations.length} 个`}>
        {data.kinds.length > 0 ? (
          <View className="admin-claim__actions">
            <Button size="small" type="primary" onClick={() => setEditing('new')}>
              新增单位
            </Button>
          </View>
        ) : null}
        {data.kinds.length > 0 ? <OrganizationImport onImported={() => void remote.reload()} /> : null}
        {data.organizations.length === 0 ? <Text className="admin-muted">暂无下属单位</Text> : null}
        {data.organizations.map((org) => (
          <View className="admin-program" key={org._id}>
            <View className="admin-claim__head">
              <Text className="admin-list__name">{org.name}</Text>
              <Tag type={org.active ? 'success' : 'default'}>{org.active ? orgKindLabels[org.kind] : '已停用'}</Tag>
            </View>
            <Text className="admin-list__sub">
              {org.profile.rating ? `评估等级 ${org.profile.rating}` : '未评估'}
              {org.contactPhone ? ` · ${org.contactPhone}` : ''}
            </Text>
            <View className="admin-claim__actions">
              <Button size="small" fill="outline" onClick={() => void go('organization', { id: org._id })}>
                详情
              </Button>
              {org.active ? (
                <>
                  <Button size="small" fill="outline" onClick={() => setDeactivating(org)}>
                    停用
                  </Button>
                  <Button size="small" type="primary" onClick={() => setEditing(org)}>
                    编辑
                  </Button>
                </>
              ) : null}
            </View>
          </View>
        ))}
      </Section>
      <EditDialog
        target={editing}
        kinds={data.kinds}
        serverNow={data.serverNow}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void remote.reload();
        }}
      />
      <ReasonDialog
        visible={deactivating !== null}
        title={`停用“${deactivating?.name ?? ''}”`}
        confirmText="停用"
        description="停用后该单位不能再申报（已有记录保留）。理由记入操作日志。"
        required
        onConfirm={deactivate}
        onClose={() => setDeactivating(null)}
      />
    </View>
  );
}
