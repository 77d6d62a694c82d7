import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Account,
  BridgeError,
  OAuthFlow,
  OAuthMode,
  OAuthOutcome,
} from '../../../preload/contract';
import { useBridge, useBridgeEvent } from '../bridge/BridgeContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { Spinner } from '../components/Spinner';
import { OAuthAdminSteps } from './OAuthAdminSteps';
import { OAuthClientFields, type OAuthClient } from './OAuthClientFields';
import { RedirectUriField } from './RedirectUriField';
import type { ProbedInstance } from './UrlStep';

type Phase =
  | { kind: 'form' }
  | { kind: 'starting' }
  | { kind: 'waiting'; flow: OAuthFlow }
  | { kind: 'code'; flow: OAuthFlow; submitting: boolean };

interface OAuthStepProps {
  probed: ProbedInstance;
  accountId: string | null;
  onBack: () => void;
  onConnected: (account: Account) => void;
}

/**
 * Step 3b: OAuth. "Connect" opens the browser and waits (with Cancel) for main's `oauthFinished`;
 * the out-of-band fallback lets the user paste the code OpenProject shows instead.
 */
export function OAuthStep({ probed, accountId, onBack, onConnected }: OAuthStepProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const id = useId();
  const [client, setClient] = useState<OAuthClient>({
    clientId: '',
    confidential: false,
    secret: '',
  });
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<BridgeError | null>(null);
  const [notice, setNotice] = useState('');
  const [code, setCode] = useState('');
  const flowRef = useRef<string | null>(null);
  const early = useRef(new Map<string, OAuthOutcome>());
  const { instance, oauthRedirectUri } = probed.result;

  const finish = (outcome: OAuthOutcome) => {
    if (outcome.flowId !== flowRef.current) return;
    flowRef.current = null;
    if (outcome.result.ok) {
      onConnected(outcome.result.value);
      return;
    }
    setPhase({ kind: 'form' });
    if (outcome.result.error.kind === 'cancelled') setNotice(t('wizard.oauth.cancelled'));
    else setError(outcome.result.error);
  };

  useBridgeEvent('oauthFinished', (outcome) => {
    if (flowRef.current === null) early.current.set(outcome.flowId, outcome);
    else finish(outcome);
  });

  useEffect(
    () => () => {
      if (flowRef.current) void bridge.cancelOAuth({ flowId: flowRef.current });
    },
    [bridge],
  );

  const start = async (mode: OAuthMode) => {
    setError(null);
    setNotice('');
    setPhase({ kind: 'starting' });
    const result = await bridge.startOAuth({
      url: instance.baseUrl,
      clientId: client.clientId.trim(),
      mode,
      ...(client.confidential && client.secret ? { clientSecret: client.secret } : {}),
      ...(probed.ca ? { ca: probed.ca } : {}),
      ...(accountId ? { accountId } : {}),
    });
    if (!result.ok) {
      setPhase({ kind: 'form' });
      setError(result.error);
      return;
    }
    const flow = result.value;
    flowRef.current = flow.flowId;
    setPhase(
      mode === 'loopback' ? { kind: 'waiting', flow } : { kind: 'code', flow, submitting: false },
    );
    const arrived = early.current.get(flow.flowId);
    if (arrived) finish(arrived);
  };

  const cancel = async () => {
    const flowId = flowRef.current;
    flowRef.current = null;
    setPhase({ kind: 'form' });
    setNotice(t('wizard.oauth.cancelled'));
    if (flowId) await bridge.cancelOAuth({ flowId });
  };

  const useCode = async () => {
    if (flowRef.current) await bridge.cancelOAuth({ flowId: flowRef.current });
    flowRef.current = null;
    await start('out-of-band');
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind !== 'code' || code.trim() === '') return;
    setPhase({ ...phase, submitting: true });
    setError(null);
    const result = await bridge.submitOAuthCode({ flowId: phase.flow.flowId, code: code.trim() });
    if (result.ok) {
      flowRef.current = null;
      onConnected(result.value);
    } else {
      setPhase({ ...phase, submitting: false });
      setError(result.error);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (client.clientId.trim() !== '') void start('loopback');
  };

  return (
    <div className="oauth" aria-busy={phase.kind === 'starting'}>
      <RedirectUriField uri={oauthRedirectUri} />
      <OAuthAdminSteps baseUrl={instance.baseUrl} />
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {phase.kind === 'form' || phase.kind === 'starting' ? (
        <form onSubmit={onSubmit}>
          <OAuthClientFields client={client} onChange={setClient} />
          {notice ? <p className="hint">{notice}</p> : null}
          {error ? <ErrorMessage error={error} url={instance.baseUrl} /> : null}
          <div className="actions">
            <button type="button" onClick={onBack}>
              {t('common.back')}
            </button>
            <button
              type="button"
              onClick={() => void start('out-of-band')}
              disabled={client.clientId.trim() === '' || phase.kind === 'starting'}
            >
              {t('wizard.oauth.useCode')}
            </button>
            <button
              type="submit"
              className="button-primary"
              disabled={client.clientId.trim() === '' || phase.kind === 'starting'}
            >
              {t('wizard.connect')}
            </button>
          </div>
        </form>
      ) : null}
      {phase.kind === 'waiting' ? (
        <div className="waiting">
          <p className="progress" role="status">
            <Spinner />
            {t('wizard.oauth.waiting')}
          </p>
          <p className="hint">{t('wizard.oauth.waitingHint')}</p>
          <div className="actions">
            <button type="button" onClick={() => void cancel()}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button-link" onClick={() => void useCode()}>
              {t('wizard.oauth.noBrowser')}
            </button>
          </div>
        </div>
      ) : null}
      {phase.kind === 'code' ? (
        <form onSubmit={(event) => void submitCode(event)} aria-busy={phase.submitting}>
          <p>{t('wizard.oauth.codeIntro', { uri: phase.flow.redirectUri })}</p>
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('wizard.oauth.codeLabel')}</label>
            <input
              id={`${id}-code`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          </div>
          {error ? <ErrorMessage error={error} url={instance.baseUrl} /> : null}
          <div className="actions">
            <button type="button" onClick={() => void cancel()}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="button-primary"
              disabled={phase.submitting || code.trim() === ''}
            >
              {t('wizard.connect')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
