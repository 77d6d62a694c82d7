import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthMethod } from '../../../preload/contract';

interface MethodStepProps {
  initial: AuthMethod;
  onBack: () => void;
  onContinue: (method: AuthMethod) => void;
}

/** Step 2: an API token (no admin needed) or OAuth (an application the admin registers). */
export function MethodStep({ initial, onBack, onContinue }: MethodStepProps) {
  const { t } = useTranslation();
  const id = useId();
  const [method, setMethod] = useState<AuthMethod>(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onContinue(method);
  };
  const choices: AuthMethod[] = ['apiToken', 'oauth'];
  return (
    <form onSubmit={onSubmit}>
      <fieldset className="choices">
        <legend>{t('wizard.method.legend')}</legend>
        {choices.map((choice) => (
          <div key={choice} className="choice">
            <input
              type="radio"
              id={`${id}-${choice}`}
              name={`${id}-method`}
              value={choice}
              checked={method === choice}
              onChange={() => setMethod(choice)}
              aria-describedby={`${id}-${choice}-hint`}
            />
            <label htmlFor={`${id}-${choice}`}>{t(`wizard.method.${choice}`)}</label>
            <p className="hint" id={`${id}-${choice}-hint`}>
              {t(`wizard.method.${choice}Hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('common.back')}
        </button>
        <button type="submit" className="button-primary">
          {t('common.continue')}
        </button>
      </div>
    </form>
  );
}
