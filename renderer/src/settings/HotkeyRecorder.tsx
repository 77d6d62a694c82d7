import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../preload/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { acceleratorParts, recordAccelerator } from './accelerator';

interface HotkeyRecorderProps {
  hotkey: string | null;
  /** Saves the new hotkey; resolves with the error when it could not be registered. */
  onSave: (hotkey: string | null) => Promise<BridgeError | null>;
  isMac?: boolean;
}

function detectMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** Press-to-record: click "Record", press the combination; Esc cancels. A taken one is explained. */
export function HotkeyRecorder({ hotkey, onSave, isMac = detectMac() }: HotkeyRecorderProps) {
  const { t } = useTranslation();
  const id = useId();
  const [recording, setRecording] = useState(false);
  const [failure, setFailure] = useState<{ error: BridgeError; attempted: string | null } | null>(
    null,
  );
  const [hint, setHint] = useState('');

  const describe = (accelerator: string) =>
    acceleratorParts(accelerator)
      .map((part) => {
        if (!('word' in part)) return part.key;
        return isMac ? t(`keys.${part.word}Mac`) : t(`keys.${part.word}`);
      })
      .join('+');

  const save = async (next: string | null) => {
    setRecording(false);
    setHint('');
    const error = await onSave(next);
    setFailure(error ? { error, attempted: next } : null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    const recorded = recordAccelerator(event, isMac);
    if (recorded.kind === 'cancel') {
      setRecording(false);
      setHint(t('settings.hotkey.cancelled'));
    } else if (recorded.kind === 'accelerator') {
      void save(recorded.accelerator);
    } else if (recorded.kind === 'unsupported') {
      setHint(t('settings.hotkey.unsupported'));
    } else {
      setHint(t('settings.hotkey.needModifier'));
    }
  };

  return (
    <div className="field hotkey" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="label">
        {t('settings.hotkey.label')}
      </span>
      <p className="hotkey-current">
        {hotkey ? <kbd>{describe(hotkey)}</kbd> : t('settings.hotkey.none')}
      </p>
      <div className="actions actions-start">
        <button
          type="button"
          className={recording ? 'recording' : ''}
          aria-pressed={recording}
          aria-describedby={`${id}-hint`}
          onClick={() => {
            setFailure(null);
            setHint(recording ? '' : t('settings.hotkey.pressNow'));
            setRecording(!recording);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setRecording(false)}
        >
          {recording ? t('settings.hotkey.recording') : t('settings.hotkey.record')}
        </button>
        {hotkey ? (
          <button type="button" onClick={() => void save(null)}>
            {t('settings.hotkey.remove')}
          </button>
        ) : null}
      </div>
      <p className="hint" id={`${id}-hint`} role="status">
        {hint}
      </p>
      {failure?.error.kind === 'hotkey-taken' ? (
        <div className="message message-error" role="alert">
          <p>{t('settings.hotkey.taken', { shortcut: describe(failure.attempted ?? '') })}</p>
        </div>
      ) : failure ? (
        <ErrorMessage error={failure.error} />
      ) : null}
    </div>
  );
}
