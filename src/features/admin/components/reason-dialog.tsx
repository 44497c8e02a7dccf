// A confirmation that asks for a reason (or a note): kept open with what was typed when the call fails, its confirm
// busy while the call runs (a second tap sends nothing).
import { Text, Textarea, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { useState, type ReactNode } from 'react';
import { useAction } from '@/features/common/use-action';

const REASON_MAX = 500;

interface ReasonDialogProps {
  visible: boolean;
  title: string;
  confirmText: string;
  /** What happens and who will read the reason. */
  description?: ReactNode;
  placeholder?: string;
  required: boolean;
  /** Reasons given most often; a tap adds one. */
  chips?: readonly string[];
  /** Rejects (after showing why, as settle does) to keep the dialog open. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonDialog({
  visible,
  title,
  confirmText,
  description,
  placeholder,
  required,
  chips = [],
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  // onConfirm shows its own refusal (settle); this keeps the confirm busy and ignores a second tap.
  const confirming = useAction();

  function addChip(text: string) {
    setReason((current) => (current.trim() ? `${current.trim()}；${text}` : text).slice(0, REASON_MAX));
  }

  async function confirm() {
    const done = await confirming.run(async () => {
      await onConfirm(trimmed);
      return true;
    });
    if (done) setReason('');
  }

  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      disableConfirmButton={(required && !trimmed) || confirming.busy}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="admin-dialog">
        {description ? <View className="admin-dialog__text">{description}</View> : null}
        {chips.length ? (
          <View className="admin-chips">
            {chips.map((text) => (
              <Text key={text} className="admin-chips__chip" onClick={() => addChip(text)}>
                {text}
              </Text>
            ))}
          </View>
        ) : null}
        {/* fixed: the dialog is position:fixed, where WeChat's native textarea must be told so. */}
        {visible ? (
          <Textarea
            className="admin-dialog__input"
            value={reason}
            onInput={(event) => setReason(event.detail.value)}
            placeholder={placeholder ?? (required ? '理由（必填）' : '说明（选填）')}
            maxlength={REASON_MAX}
            autoHeight
            fixed
          />
        ) : null}
        <View className="admin-dialog__foot">
          <Text className="admin-dialog__hint">{required && !trimmed ? '请填写理由' : ''}</Text>
          <Text className="admin-dialog__count">
            {reason.length}/{REASON_MAX}
          </Text>
        </View>
      </View>
    </Dialog>
  );
}
