import { useEffect, useLayoutEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError, ProbeResult } from '../../../preload/contract';
import { useBridge } from '../bridge/BridgeContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { Spinner } from '../components/Spinner';
import { CaFileInput, type CaFile } from './CaFileInput';

export interface ProbedInstance {
  result: ProbeResult;
  ca?: string;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'probing' }
  | { kind: 'ok'; probed: ProbedInstance }
  | { kind: 'failed'; error: BridgeError; url: string };

/** "op.example.com" → "https://op.example.com"; anything with a scheme stays as typed. */
export function withScheme(url: string): string {
  const trimmed = url.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

interface UrlStepProps {
  initialUrl: string;
  /** Probe at once (sign in again to a known account). */
  autoProbe: boolean;
  onContinue: (probed: ProbedInstance) => void;
}

/** Step 1: which OpenProject? Shows its name and version, or one precise reason it failed. */
export function UrlStep({ initialUrl, autoProbe, onContinue }: UrlStepProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const id = useId();
  const [url, setUrl] = useState(initialUrl);
  const [ca, setCa] = useState<CaFile | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const continueRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const probe = async (target: string, caFile: CaFile | null) => {
    const full = withScheme(target);
    setPhase({ kind: 'probing' });
    const result = await bridge.probe(caFile ? { url: full, ca: caFile.pem } : { url: full });
    setPhase(
      result.ok
        ? {
            kind: 'ok',
            probed: caFile ? { result: result.value, ca: caFile.pem } : { result: result.value },
          }
        : { kind: 'failed', error: result.error, url: full },
    );
  };

  useEffect(() => {
    if (autoProbe && initialUrl) void probe(initialUrl, null);
    // Once, for the URL the step started with.
  }, []);

  // Focus moves as the step or its result appears (not a frame later, after paint).
  useLayoutEffect(() => {
    inputRef.current?.focus();
  }, []);
  useLayoutEffect(() => {
    if (phase.kind === 'ok') continueRef.current?.focus();
  }, [phase.kind]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim() !== '') void probe(url, ca);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={phase.kind === 'probing'}>
      <div className="field">
        <label htmlFor={id}>{t('wizard.url.label')}</label>
        <input
          id={id}
          type="url"
          inputMode="url"
          ref={inputRef}
          autoComplete="url"
          spellCheck={false}
          placeholder={t('wizard.url.placeholder')}
          aria-describedby={`${id}-hint`}
          value={url}
          onChange={(event) => {
            setUrl(event.target.value);
            if (phase.kind !== 'probing') setPhase({ kind: 'idle' });
          }}
          required
        />
        <p className="hint" id={`${id}-hint`}>
          {t('wizard.url.hint')}
        </p>
      </div>
      <div className="actions">
        <button
          type="submit"
          className={phase.kind === 'ok' ? '' : 'button-primary'}
          disabled={phase.kind === 'probing' || url.trim() === ''}
        >
          {t('wizard.url.check')}
        </button>
      </div>
      <div aria-live="polite">
        {phase.kind === 'probing' ? (
          <p className="progress">
            <Spinner />
            {t('wizard.url.probing')}
          </p>
        ) : null}
        {phase.kind === 'ok' ? <InstanceCard probed={phase.probed} /> : null}
      </div>
      {phase.kind === 'failed' ? (
        <>
          <ErrorMessage error={phase.error} url={phase.url} />
          {phase.error.kind === 'tls' ? (
            <CaFileInput
              onLoad={(file) => {
                setCa(file);
                void probe(url, file);
              }}
            />
          ) : null}
        </>
      ) : null}
      {ca ? <p className="hint">{t('wizard.url.usingCa', { name: ca.name })}</p> : null}
      {phase.kind === 'ok' ? (
        <div className="actions">
          <button
            type="button"
            ref={continueRef}
            className="button-primary"
            onClick={() => onContinue(phase.probed)}
          >
            {t('common.continue')}
          </button>
        </div>
      ) : null}
    </form>
  );
}

function InstanceCard({ probed }: { probed: ProbedInstance }) {
  const { t } = useTranslation();
  const { instance, warnings } = probed.result;
  return (
    <div className="instance-card">
      <p className="instance-name">{t('wizard.url.found', { name: instance.instanceName })}</p>
      <p className="hint">
        {instance.coreVersion
          ? t('wizard.url.version', { version: instance.coreVersion })
          : t('wizard.url.versionHidden')}
      </p>
      <p className="hint">{instance.baseUrl}</p>
      {warnings.map((warning) => (
        <p key={warning} className="message message-warning">
          {t(`wizard.url.warning.${warning}`)}
        </p>
      ))}
    </div>
  );
}
