import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../preload/contract';
import { accountLabel } from '../bridge/accountLabel';
import { reasonLabel } from '../format/reasonLabel';
import type { FilterChoices, WidgetFilters } from './model';

interface FiltersProps {
  choices: FilterChoices;
  accounts: Account[];
  filters: WidgetFilters;
  onChange: (filters: WidgetFilters) => void;
}

const ALL = '';

/** Filter by reason, project and (with several accounts) account; plain selects, keyboard-native. */
export function Filters({ choices, accounts, filters, onChange }: FiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const value = (v: string) => (v === ALL ? null : v);
  return (
    <div className="filters" role="group" aria-label={t('widget.filters.label')}>
      <label htmlFor={`${id}-reason`} className="visually-hidden">
        {t('widget.filters.reason')}
      </label>
      <select
        id={`${id}-reason`}
        value={filters.reason ?? ALL}
        onChange={(e) => onChange({ ...filters, reason: value(e.target.value) })}
      >
        <option value={ALL}>{t('widget.filters.allReasons')}</option>
        {choices.reasons.map((reason) => (
          <option key={reason} value={reason}>
            {reasonLabel(t, reason)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-project`} className="visually-hidden">
        {t('widget.filters.project')}
      </label>
      <select
        id={`${id}-project`}
        value={filters.project ?? ALL}
        onChange={(e) => onChange({ ...filters, project: value(e.target.value) })}
      >
        <option value={ALL}>{t('widget.filters.allProjects')}</option>
        {choices.projects.map((project) => (
          <option key={project.key} value={project.key}>
            {project.name}
          </option>
        ))}
      </select>
      {accounts.length > 1 ? (
        <>
          <label htmlFor={`${id}-account`} className="visually-hidden">
            {t('widget.filters.account')}
          </label>
          <select
            id={`${id}-account`}
            value={filters.accountId ?? ALL}
            onChange={(e) => onChange({ ...filters, accountId: value(e.target.value) })}
          >
            <option value={ALL}>{t('widget.filters.allAccounts')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {accountLabel(account)}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}
