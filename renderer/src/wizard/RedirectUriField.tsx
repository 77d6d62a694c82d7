import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyIcon } from '../components/icons';

/** The exact redirect URI to register, read-only, with a copy button that says whether it worked. */
export function RedirectUriField({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(uri);
      setCopied('copied');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{t('wizard.oauth.redirectUri')}</label>
      <div className="input-with-button">
        <input
          id={id}
          ref={inputRef}
          type="text"
          readOnly
          value={uri}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" onClick={() => void copy()}>
          <CopyIcon />
          {t('wizard.oauth.copy')}
        </button>
      </div>
      <p className="hint" role="status">
        {copied === 'copied'
          ? t('wizard.oauth.copied')
          : copied === 'failed'
            ? t('wizard.oauth.copyFailed')
            : ''}
      </p>
    </div>
  );
}
