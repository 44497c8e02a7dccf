// 人员与邀请: the secretariat invites contacts, experts and fellow members, sees each invitation's fate, and
// ends a role, moves a person to another unit, or erases their personal details at their request.
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatShanghaiDate, formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { InvitationView, PersonView } from '@/core/schemas/actions';
import type { Role } from '@/core/schemas/common';
import { PageState } from '@/components/page-state';
import { useAction } from '@/features/common/use-action';
import { currentSession } from '@/features/common/api/shared';
import { listOrganizations } from '../api/organizations';
import { listInvitations, listPeople, reassignPerson, removePerson, revokeInvitation, revokePerson } from '../api/people';
import { showSuccess, showMessage } from '@/lib/feedback';
import { personRoleLabels } from '@/features/common/person-roles';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { useRemote } from '@/features/common/use-remote';
import { InvitationShare } from './invitation-share';
import { InviteForm, unitsFor } from './invite-form';
import { ReasonDialog } from './reason-dialog';
import { Section } from '@/components/section';
import { UnitChooser, type UnitChoice } from './unit-chooser';
import '../admin.css';
import '../people.css';

const invitationStatusLabels: Record<InvitationView['status'], string> = {
  open: '待使用',
  used: '已使用',
  revoked: '已撤销',
  expired: '已过期',
};
const invitationStatusTags: Record<InvitationView['status'], 'primary' | 'success' | 'default'> = {
  open: 'primary',
  used: 'success',
  revoked: 'default',
  expired: 'default',
};
const roleOrder: readonly Role[] = ['applicant', 'reviewer', 'secretariat'];

type PersonAction = { kind: 'revoke' | 'remove' | 'reassign'; person: PersonView };

function personState(person: PersonView): string {
  if (person.removed) return '已删除';
  return person.active ? '在用' : '已撤销';
}

function InvitationRow({ invitation, onShow, onRevoke }: { invitation: InvitationView; onShow: () => void; onRevoke: () => void }) {
  return (
    <View className="admin-program people-row">
      <View className="admin-claim__head">
        <Text className="admin-list__name">{invitation.inviteeName}</Text>
        <Tag type={invitationStatusTags[invitation.status]}>{invitationStatusLabels[invitation.status]}</Tag>
      </View>
      <Text className="admin-list__sub">
        {personRoleLabels[invitation.role]} · {invitation.orgName}
      </Text>
      <Text className="admin-list__sub">
        {invitation.status === 'used' && invitation.usedAt
          ? `${formatShanghaiDateTime(invitation.usedAt)} 已接受`
          : invitation.status === 'revoked'
            ? `已撤销${invitation.revokeReason ? `：${invitation.revokeReason}` : ''}`
            : `有效期至 ${formatShanghaiDateTime(invitation.expiresAt)}`}
      </Text>
      {invitation.status === 'open' ? (
        <View className="admin-claim__actions">
          <Button size="small" fill="outline" onClick={onRevoke}>
            撤销
          </Button>
          <Button size="small" type="primary" onClick={onShow}>
            二维码与邀请码
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function PersonRow({ person, self, onAction }: { person: PersonView; self: boolean; onAction: (action: PersonAction) => void }) {
  return (
    <View className="admin-program people-row">
      <View className="admin-claim__head">
        <Text className="admin-list__name">
          {person.name}
          {self ? '（我）' : ''}
        </Text>
        <Tag type={person.active && !person.removed ? 'success' : 'default'}>{personState(person)}</Tag>
      </View>
      <Text className="admin-list__sub">
        {person.orgName}
        {person.phone ? ` · ${person.phone}` : ''}
      </Text>
      <Text className="admin-list__sub">{formatShanghaiDate(person.createdAt)} 加入</Text>
      {self || person.removed ? null : (
        <View className="admin-claim__actions">
          <Button size="small" fill="outline" onClick={() => onAction({ kind: 'remove', person })}>
            删除个人信息
          </Button>
          {person.active ? (
            <Button size="small" fill="outline" onClick={() => onAction({ kind: 'revoke', person })}>
              撤销身份
            </Button>
          ) : null}
          {person.active && person.role !== 'secretariat' ? (
            <Button size="small" type="primary" onClick={() => onAction({ kind: 'reassign', person })}>
              调整单位
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}

function ReassignDialog({
  action,
  units,
  onClose,
  onDone,
}: {
  action: PersonAction | null;
  units: readonly UnitChoice[];
  onClose: () => void;
  onDone: () => void;
}) {
  const person = action?.kind === 'reassign' ? action.person : null;
  const [orgId, setOrgId] = useState('');
  const [shown, setShown] = useState(person);
  const saving = useAction({ toast: showMessage });
  if (shown !== person) {
    setShown(person);
    setOrgId(person?.orgId ?? '');
  }

  async function save() {
    if (!person) return;
    await saving.attempt(() => reassignPerson({ userId: person.userId, version: person.version, orgId }));
    showSuccess('已调整');
    onDone();
  }

  return (
    <Dialog
      visible={person !== null}
      title={person?.role === 'reviewer' ? '调整工作单位' : '调整单位'}
      confirmText="保存"
      disableConfirmButton={!orgId || orgId === person?.orgId}
      onConfirm={save}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="admin-dialog people-dialog">{person ? <UnitChooser units={units} value={orgId} onChange={setOrgId} /> : null}</View>
    </Dialog>
  );
}

export function PeopleScreen() {
  const remote = useRemote(async () => {
    const [session, people, invitations, organizations] = await Promise.all([
      currentSession(),
      listPeople(),
      listInvitations(),
      listOrganizations(),
    ]);
    const organiser: UnitChoice = { id: session.org.id, name: session.org.name };
    const units = organizations.filter((org) => org.active).map((org) => ({ id: org._id, name: org.name }));
    // Every role of the caller's own WeChat identity: nobody ends or erases their own.
    const ownRoles = new Set(session.roles.map((role) => role.userId));
    return { ownRoles, organiser, units, people, invitations };
  }, []);
  useReloadOnShow(remote.reload);
  const [inviting, setInviting] = useState(false);
  const [sharing, setSharing] = useState<InvitationView | null>(null);
  const [revokingInvitation, setRevokingInvitation] = useState<InvitationView | null>(null);
  const [personAction, setPersonAction] = useState<PersonAction | null>(null);
  const changing = useAction({ toast: showMessage });
  const data = remote.data;
  if (!data) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;

  /** Runs a change, then reloads the lists; on a refusal the dialog stays open with what was typed. */
  async function change(request: () => Promise<unknown>, done: string, close: () => void) {
    await changing.attempt(request);
    showSuccess(done);
    close();
    void remote.reload();
  }

  const acting = personAction?.kind === 'revoke' || personAction?.kind === 'remove' ? personAction : null;
  const closeAction = () => setPersonAction(null);

  return (
    <View className="admin-page">
      <Section title="邀请新成员">
        {sharing ? (
          <InvitationShare invitation={sharing} onDone={() => setSharing(null)} />
        ) : inviting ? (
          <InviteForm
            organiser={data.organiser}
            units={data.units}
            onCreated={(invitation) => {
              setInviting(false);
              setSharing(invitation);
              void remote.reload();
            }}
          />
        ) : (
          <View>
            <Text className="admin-muted">生成二维码或邀请码发给对方，对方用微信确认后即以该身份使用，无需进入数据库。</Text>
            <View className="admin-claim__actions">
              <Button type="primary" onClick={() => setInviting(true)}>
                邀请新成员
              </Button>
            </View>
          </View>
        )}
      </Section>
      {roleOrder.map((role) => {
        const people = data.people.filter((person) => person.role === role);
        return (
          <Section key={role} title={personRoleLabels[role]} extra={`${people.length} 人`}>
            {people.length === 0 ? <Text className="admin-muted">暂无</Text> : null}
            {people.map((person) => (
              <PersonRow key={person.userId} person={person} self={data.ownRoles.has(person.userId)} onAction={setPersonAction} />
            ))}
          </Section>
        );
      })}
      <Section title="邀请记录" extra={`${data.invitations.length} 条`}>
        {data.invitations.length === 0 ? <Text className="admin-muted">暂无邀请</Text> : null}
        {data.invitations.map((invitation) => (
          <InvitationRow
            key={invitation._id}
            invitation={invitation}
            onShow={() => setSharing(invitation)}
            onRevoke={() => setRevokingInvitation(invitation)}
          />
        ))}
      </Section>
      <ReasonDialog
        visible={revokingInvitation !== null}
        title={`撤销给“${revokingInvitation?.inviteeName ?? ''}”的邀请`}
        confirmText="确认撤销邀请"
        description="撤销后该二维码和邀请码即失效。"
        required={false}
        onConfirm={(reason) =>
          change(
            () => revokeInvitation({ invitationId: revokingInvitation!._id, ...(reason ? { reason } : {}) }),
            '已撤销',
            () => setRevokingInvitation(null),
          )
        }
        onClose={() => setRevokingInvitation(null)}
      />
      <ReasonDialog
        visible={acting !== null}
        title={acting?.kind === 'remove' ? `删除“${acting.person.name}”的个人信息` : `撤销“${acting?.person.name ?? ''}”的身份`}
        confirmText={acting?.kind === 'remove' ? '确认删除' : '确认撤销身份'}
        description={
          acting?.kind === 'remove'
            ? '将抹去其姓名和手机号，并解除其微信与本单位各身份的绑定；已有申报、评审记录和操作日志保留。理由记入操作日志。'
            : '撤销后其不能再以该身份使用；已有记录和操作日志保留。理由记入操作日志。'
        }
        required
        onConfirm={(reason) =>
          acting?.kind === 'remove'
            ? change(() => removePerson({ userId: acting.person.userId, reason }), '已删除', closeAction)
            : change(() => revokePerson({ userId: acting!.person.userId, version: acting!.person.version, reason }), '已撤销', closeAction)
        }
        onClose={closeAction}
      />
      <ReassignDialog
        action={personAction}
        units={personAction ? unitsFor(personAction.person.role, data.organiser, data.units) : []}
        onClose={closeAction}
        onDone={() => {
          closeAction();
          void remote.reload();
        }}
      />
    </View>
  );
}
