import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AuthMethod } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { useBridge } from '../bridge/BridgeContext';
import { navigate } from '../route';
import { OptionsForm } from '../settings/OptionsForm';
import { SecretStorageBanner } from '../settings/SecretStorageBanner';
import { MethodStep } from './MethodStep';
import { OAuthStep } from './OAuthStep';
import { TokenStep } from './TokenStep';
import { UrlStep, type ProbedInstance } from './UrlStep';

type Step = 'url' | 'method' | 'signIn' | 'connected' | 'options';

/**
 * The setup wizard (first run, "Add account", and "Sign in again" with `accountId`):
 * URL → sign-in method → token or OAuth → connected → (first run) options.
 */
export function Wizard({ accountId }: { accountId: string | null }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [step, setStep] = useState<Step>('url');
  const [known, setKnown] = useState<Account[] | null>(null);
  const [probed, setProbed] = useState<ProbedInstance | null>(null);
  const [method, setMethod] = useState<AuthMethod>('apiToken');
  const [account, setAccount] = useState<Account | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  useEffect(() => {
    void bridge.listAccounts().then((result) => setKnown(result.ok ? result.value : []));
  }, [bridge]);

  // A new step moves focus to its heading, so screen readers announce where the user is.
  useLayoutEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  if (known === null) return <main className="view wizard" aria-busy="true" />;

  const target = accountId ? known.find((candidate) => candidate.id === accountId) : undefined;
  const firstRun = known.length === 0;
  const total = firstRun ? 4 : 3;
  const number = { url: 1, method: 2, signIn: 3, connected: 3, options: 4 }[step];
  const title = target
    ? t('wizard.reconnectTitle', { account: accountLabel(target) })
    : firstRun
      ? t('wizard.welcomeTitle')
      : t('wizard.addTitle');

  /** What the token and OAuth steps share: the account signed in again, back, and done. */
  const signInStep = {
    accountId: target?.id ?? null,
    onBack: () => setStep('method'),
    onConnected: (connected: Account) => {
      setAccount(connected);
      setStep('connected');
    },
  };

  return (
    <main className="view wizard">
      <h1>{title}</h1>
      <p className="step-count">{t('wizard.stepOf', { number, total })}</p>
      <h2 ref={headingRef} tabIndex={-1}>
        {step === 'connected' && account?.user
          ? t('wizard.connectedAs', { name: account.user.name })
          : t(`wizard.steps.${step}`)}
      </h2>
      {step === 'url' ? (
        <UrlStep
          initialUrl={target?.baseUrl ?? probed?.result.instance.baseUrl ?? ''}
          autoProbe={target !== undefined}
          onContinue={(next) => {
            setProbed(next);
            setStep('method');
          }}
        />
      ) : null}
      {step === 'method' ? (
        <MethodStep
          initial={target?.authMethod ?? method}
          onBack={() => setStep('url')}
          onContinue={(next) => {
            setMethod(next);
            setStep('signIn');
          }}
        />
      ) : null}
      {/* No keyring (Linux): the user decides before a sign-in can be saved. */}
      {step === 'signIn' ? <SecretStorageBanner headingLevel={3} /> : null}
      {step === 'signIn' && probed ? (
        method === 'apiToken' ? (
          <TokenStep probed={probed} {...signInStep} />
        ) : (
          <OAuthStep probed={probed} {...signInStep} />
        )
      ) : null}
      {step === 'connected' && account ? (
        <Connected account={account} firstRun={firstRun} onContinue={() => setStep('options')} />
      ) : null}
      {step === 'options' ? (
        <>
          <OptionsForm />
          <div className="actions">
            <FinishButtons />
          </div>
        </>
      ) : null}
    </main>
  );
}

function Connected(props: { account: Account; firstRun: boolean; onContinue: () => void }) {
  const { t } = useTranslation();
  const { account, firstRun, onContinue } = props;
  return (
    <div className="connected">
      <p role="status">
        {account.user
          ? t('wizard.connectedBody', { name: account.user.name, instance: accountLabel(account) })
          : t('wizard.connectedPlain', { instance: accountLabel(account) })}
      </p>
      <div className="actions">
        {firstRun ? (
          <button type="button" className="button-primary" onClick={onContinue}>
            {t('common.continue')}
          </button>
        ) : (
          <FinishButtons />
        )}
      </div>
    </div>
  );
}

function FinishButtons() {
  const { t } = useTranslation();
  const bridge = useBridge();
  return (
    <>
      <button type="button" onClick={() => navigate('settings')}>
        {t('wizard.toSettings')}
      </button>
      <button
        type="button"
        className="button-primary"
        onClick={() => {
          void bridge.openView({ view: 'widget' });
          void bridge.windowAction({ action: 'close' });
        }}
      >
        {t('wizard.openWidget')}
      </button>
    </>
  );
}
