import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../preload/contract';

interface SearchResultProps {
  id: string;
  hit: SearchHit;
  active: boolean;
  account: string | null;
  onOpen: () => void;
  onHover: () => void;
}

/** One work package: type, subject, #id, status, project, assignee (and account, with several). */
export function SearchResult({ id, hit, active, account, onOpen, onHover }: SearchResultProps) {
  const { t } = useTranslation();
  const wp = hit.workPackage;
  const displayId = /^\d+$/.test(wp.displayId)
    ? t('workPackage.id', { id: wp.displayId })
    : wp.displayId;
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'result result-active' : 'result'}
      onClick={onOpen}
      onMouseMove={onHover}
    >
      <span className="result-title">
        {wp.type ? <span className="group-type">{wp.type}</span> : null}{' '}
        <span className="result-subject">{wp.subject}</span>
      </span>
      <span className="meta">
        <span className="wp-id">{displayId}</span>
        {wp.status ? <span className="status">{wp.status}</span> : null}
        {wp.project ? <span>{wp.project}</span> : null}
        {wp.assignee ? <span>{t('search.assignee', { name: wp.assignee })}</span> : null}
        {account ? <span className="account-tag">{account}</span> : null}
      </span>
    </li>
  );
}
