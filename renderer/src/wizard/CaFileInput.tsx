import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface CaFile {
  name: string;
  pem: string;
}

/** Lets the user pick a CA certificate (PEM) to trust for this instance; read here, sent to main. */
export function CaFileInput({ onLoad }: { onLoad: (file: CaFile) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('wizard.url.trustCa')}</label>
      <input
        id={id}
        type="file"
        accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void file.text().then((pem) => onLoad({ name: file.name, pem }));
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('wizard.url.trustCaHint')}
      </p>
    </div>
  );
}
