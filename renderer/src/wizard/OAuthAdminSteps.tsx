import { useTranslation } from 'react-i18next';
import { useBridge } from '../bridge/BridgeContext';
import { ExternalIcon } from '../components/icons';

/** What the OpenProject administrator does once, in plain words (like OpenProject's own guides). */
export function OAuthAdminSteps({ baseUrl }: { baseUrl: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  return (
    <details className="admin-steps">
      <summary>{t('wizard.oauth.adminTitle')}</summary>
      <p>{t('wizard.oauth.adminIntro')}</p>
      <ol className="steps">
        <li>
          {t('wizard.oauth.adminStep1')}{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => void bridge.openInBrowser({ kind: 'oauthApplications', baseUrl })}
          >
            {t('wizard.oauth.openAdminPage')}
            <ExternalIcon />
          </button>
        </li>
        <li>{t('wizard.oauth.adminStep2')}</li>
        <li>{t('wizard.oauth.adminStep3')}</li>
        <li>{t('wizard.oauth.adminStep4')}</li>
        <li>{t('wizard.oauth.adminStep5')}</li>
        <li>{t('wizard.oauth.adminStep6')}</li>
      </ol>
    </details>
  );
}
