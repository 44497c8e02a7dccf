// 接受邀请: a person opens an invitation (scanned code, link, or typed code), sees who invites them for what,
// and confirms; from then on the app acts in that role. Large text: many invited contacts are 55+.
import { Button } from '@nutui/nutui-react-taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { InvitationPreview } from '@/core/schemas/actions';
import { PageState } from '@/components/page-state';
import { acceptInvitation, peekInvitation } from '../api/invitations';
import { showSuccess } from '@/lib/feedback';
import { restart } from '@/lib/navigation';
import { actingRole, needsSignIn } from '@/lib/session';
import { personRoleLabels, roleDuty } from '@/features/common/person-roles';
import { useAction } from '@/features/common/use-action';
import { useRemote } from '@/features/common/use-remote';
import { tidyCode } from '../invitation-code';
import { NewUserOffer } from './new-user-offer';
import '../join.css';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="join-fact">
      <View className="join-fact__label">{label}</View>
      <View className="join-fact__value">{value}</View>
    </View>
  );
}

function CodeForm({ initial, onLookUp }: { initial: string; onLookUp: (code: string) => void }) {
  const [typed, setTyped] = useState(initial);
  const tidy = tidyCode(typed);
  return (
    <View className="join-card">
      <View className="join-card__lead">输入邀请码</View>
      <View className="join-card__text">邀请码是秘书处发给您的 8 位字母或数字，不区分大小写。</View>
      <Input
        className="join-code-input"
        value={typed}
        maxlength={20}
        placeholder="如 AB3K7MQ9"
        confirmType="go"
        onInput={(event) => setTyped(event.detail.value)}
        onConfirm={() => tidy && onLookUp(tidy)}
      />
      <View className="join-actions">
        <Button type="primary" size="large" block disabled={!tidy} onClick={() => onLookUp(tidy)}>
          查看邀请
        </Button>
      </View>
    </View>
  );
}

function Invitation({ preview, onOther }: { preview: InvitationPreview; onOther: () => void }) {
  const accept = useAction();

  const confirm = async () => {
    const session = await accept.run(() => acceptInvitation({ code: preview.code }));
    if (!session) return;
    // Someone who already held a role acts in the new one first.
    actingRole.set(session.user.id);
    showSuccess('已加入');
    await restart('home');
  };

  return (
    <View>
      <View className="join-card">
        <View className="join-card__lead">
          {preview.inviterName}邀请您加入{preview.organiserName}的奖补工作
        </View>
        <Fact label="被邀请人" value={preview.inviteeName} />
        <Fact label="身份" value={personRoleLabels[preview.role]} />
        <Fact label={preview.role === 'reviewer' ? '工作单位' : '单位'} value={preview.orgName} />
        <Fact label="组织方" value={preview.organiserName} />
        <Fact label="邀请人" value={preview.inviterName} />
        <Fact label="有效期至" value={formatShanghaiDateTime(preview.expiresAt)} />
        <View className="join-card__text join-card__duty">
          确认后，您的微信将以此身份使用学会奖补通：{roleDuty(preview.role, preview.orgName, preview.organiserName)}。
        </View>
      </View>
      {accept.error ? <View className="home-error">{accept.error}</View> : null}
      <View className="join-actions">
        <Button type="primary" size="large" block loading={accept.busy} onClick={() => void confirm()}>
          确认加入
        </Button>
        <Button size="large" block fill="outline" disabled={accept.busy} onClick={onOther}>
          不是我，输入其他邀请码
        </Button>
      </View>
    </View>
  );
}

export function JoinScreen({ initialCode }: { initialCode: string }) {
  // H5 without a session: the person first continues as a new WeChat user (in WeChat they always are one).
  const [identified, setIdentified] = useState(() => !needsSignIn());
  const [code, setCode] = useState(initialCode);
  const preview = useRemote(async () => (identified && code ? peekInvitation({ code }) : null), [identified, code]);

  return (
    <View className="page home-page join-page">
      <View className="home-title">接受邀请</View>
      {!identified ? (
        <NewUserOffer onReady={() => setIdentified(true)} />
      ) : !code ? (
        <CodeForm initial="" onLookUp={setCode} />
      ) : preview.error ? (
        <View>
          <View className="home-error">{preview.error}</View>
          <CodeForm initial={code} onLookUp={(next) => (next === code ? void preview.reload() : setCode(next))} />
        </View>
      ) : (
        <PageState loading={preview.loading || !preview.data} error={null}>
          {preview.data ? <Invitation preview={preview.data} onOther={() => setCode('')} /> : null}
        </PageState>
      )}
    </View>
  );
}
