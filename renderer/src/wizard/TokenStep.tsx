import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, BridgeError } from '../../../preload/contract';
import { useBridge } from '../bridge/BridgeContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { ExternalIcon } from '../components/icons';
import { Spinner } from '../components/Spinner';
import type { ProbedInstance } from './UrlStep';

interface TokenStepProps {
  probed: ProbedInstance;
  accountId: string | null;
  onBack: () => void;
  onConnected: (account: Account) => void;
}

/** Step 3a: paste a personal API token; it is checked at once and never shown again. */
export function TokenStep({ probed, accountId, onBack, onConnected }: TokenStepProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const id = useId();
  const [token, setToken] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const baseUrl = probed.result.instance.baseUrl;

  const openTokenPage = async () => {
    const result = await bridge.openInBrowser({ kind: 'accessTokens', baseUrl });
    if (!result.ok) setError(result.error);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') return;
    setChecking(true);
    setError(null);
    const result = await bridge.connectWithToken({
      url: baseUrl,
      token: token.trim(),
      ...(probed.ca ? { ca: probed.ca } : {}),
      ...(accountId ? { accountId } : {}),
    });
    setChecking(false);
    if (result.ok) {
      setToken('');
      onConnected(result.value);
    } else {
      setError(result.error);
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-busy={checking}>
      <ol className="steps">
        <li>
          {t('wizard.token.step1')}{' '}
          <button type="button" className="button-link" onClick={() => void openTokenPage()}>
            {t('wizard.token.openPage')}
            <ExternalIcon />
          </button>
        </li>
        <li>{t('wizard.token.step2')}</li>
        <li>{t('wizard.token.step3')}</li>
      </ol>
      <div className="field">
        <label htmlFor={id}>{t('wizard.token.label')}</label>
        <input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <div aria-live="polite">
        {checking ? (
          <p className="progress">
            <Spinner />
            {t('wizard.token.checking')}
          </p>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} url={baseUrl} id={`${id}-error`} /> : null}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('common.back')}
        </button>
        <button type="submit" className="button-primary" disabled={checking || token.trim() === ''}>
          {t('wizard.connect')}
        </button>
      </div>
    </form>
  );
}
