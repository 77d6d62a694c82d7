import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface OAuthClient {
  clientId: string;
  confidential: boolean;
  secret: string;
}

/** Client id, and the secret only when the administrator made the application confidential. */
export function OAuthClientFields({
  client,
  onChange,
}: {
  client: OAuthClient;
  onChange: (client: OAuthClient) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-client`}>{t('wizard.oauth.clientId')}</label>
        <input
          id={`${id}-client`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={client.clientId}
          onChange={(event) => onChange({ ...client, clientId: event.target.value })}
        />
      </div>
      <div className="field field-check">
        <input
          id={`${id}-confidential`}
          type="checkbox"
          checked={client.confidential}
          onChange={(event) => onChange({ ...client, confidential: event.target.checked })}
        />
        <label htmlFor={`${id}-confidential`}>{t('wizard.oauth.confidential')}</label>
      </div>
      {client.confidential ? (
        <div className="field">
          <label htmlFor={`${id}-secret`}>{t('wizard.oauth.clientSecret')}</label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="off"
            value={client.secret}
            onChange={(event) => onChange({ ...client, secret: event.target.value })}
          />
        </div>
      ) : null}
    </>
  );
}
