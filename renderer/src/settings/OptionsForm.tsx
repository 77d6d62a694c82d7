import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError, Settings, SettingsUpdate } from '../../../preload/contract';
import { useBridge, useBridgeEvent } from '../bridge/BridgeContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { REASONS } from '../format/reasons';
import { HotkeyRecorder } from './HotkeyRecorder';
import { intervalChoices, intervalLabel } from './pollIntervals';

/** Poll interval, notification reasons, global hotkey, start at login; every change saves at once. */
export function OptionsForm() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void bridge.getSettings().then((result) => {
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
  }, [bridge]);
  useBridgeEvent('settingsChanged', setSettings);

  const save = async (update: SettingsUpdate): Promise<BridgeError | null> => {
    setSaved('');
    const result = await bridge.updateSettings(update);
    if (!result.ok) return result.error;
    setSettings(result.value);
    setSaved(t('settings.saved'));
    return null;
  };
  const saveReporting = async (update: SettingsUpdate) => setError(await save(update));

  if (!settings) {
    return error ? <ErrorMessage error={error} /> : <div className="options" aria-busy="true" />;
  }
  const seconds = settings.pollIntervalSeconds;

  return (
    <div className="options">
      <div className="field">
        <label htmlFor={`${id}-interval`}>{t('settings.interval.label')}</label>
        <select
          id={`${id}-interval`}
          value={seconds}
          onChange={(e) => void saveReporting({ pollIntervalSeconds: Number(e.target.value) })}
        >
          {intervalChoices(seconds).map((value) => (
            <option key={value} value={value}>
              {intervalLabel(t, value)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="reasons-choice">
        <legend>{t('settings.reasons.legend')}</legend>
        <p className="hint">{t('settings.reasons.hint')}</p>
        <div className="checkbox-grid">
          {REASONS.map((reason) => (
            <div key={reason} className="field-check">
              <input
                id={`${id}-reason-${reason}`}
                type="checkbox"
                checked={settings.notifyReasons.includes(reason)}
                onChange={(e) =>
                  void saveReporting({
                    notifyReasons: e.target.checked
                      ? [...settings.notifyReasons, reason]
                      : settings.notifyReasons.filter((r) => r !== reason),
                  })
                }
              />
              <label htmlFor={`${id}-reason-${reason}`}>{t(`reasons.${reason}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <HotkeyRecorder hotkey={settings.hotkey} onSave={(hotkey) => save({ hotkey })} />
      <div className="field field-check">
        <input
          id={`${id}-login`}
          type="checkbox"
          checked={settings.startAtLogin}
          disabled={!settings.startAtLoginSupported}
          aria-describedby={settings.startAtLoginSupported ? undefined : `${id}-login-hint`}
          onChange={(e) => void saveReporting({ startAtLogin: e.target.checked })}
        />
        <label htmlFor={`${id}-login`}>{t('settings.startAtLogin')}</label>
        {settings.startAtLoginSupported ? null : (
          <p className="hint" id={`${id}-login-hint`}>
            {t('settings.startAtLoginUnsupported')}
          </p>
        )}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <p className="hint" role="status">
        {saved}
      </p>
    </div>
  );
}
