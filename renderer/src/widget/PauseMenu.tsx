import { useLayoutEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PauseState } from '../../../preload/contract';
import { PauseIcon } from '../components/icons';

const HOUR = 3_600_000;

/** Next morning at 8:00 local time. */
function tomorrowMorning(now: Date): Date {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(8, 0, 0, 0);
  return next;
}

/** A disclosure with the snooze and pause choices; Esc closes it and returns focus to its button. */
export function PauseMenu({ onChoose }: { onChoose: (pause: PauseState) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    if (open) firstRef.current?.focus();
  }, [open]);

  const choose = (pause: PauseState) => {
    setOpen(false);
    buttonRef.current?.focus();
    onChoose(pause);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };
  const until = (date: Date): PauseState => ({ kind: 'snoozed', until: date.toISOString() });
  const menuLabel = t('widget.pause.menu');

  return (
    <div className="menu" onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={buttonRef}
        className="icon-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={menuLabel}
        title={menuLabel}
        onClick={() => setOpen((value) => !value)}
      >
        <PauseIcon />
      </button>
      {open ? (
        <ul className="menu-list" id={menuId}>
          <li>
            <button
              type="button"
              ref={firstRef}
              onClick={() => choose(until(new Date(Date.now() + HOUR)))}
            >
              {t('widget.pause.snoozeHour')}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => choose(until(tomorrowMorning(new Date())))}>
              {t('widget.pause.snoozeTomorrow')}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => choose({ kind: 'paused' })}>
              {t('widget.pause.pauseUpdates')}
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
