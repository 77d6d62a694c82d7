/**
 * Turns a key press into an Electron accelerator ("CommandOrControl+Shift+K") and back into words.
 * Works from `event.code` (the physical key), so the result does not depend on the keyboard layout.
 */
export interface KeyPress {
  code: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type Recorded =
  | { kind: 'accelerator'; accelerator: string }
  /** Only modifiers so far, or a key that needs a modifier. */
  | { kind: 'incomplete' }
  | { kind: 'cancel' }
  | { kind: 'unsupported' };

const NAMED: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
};

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$/;

function keyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] ?? null;
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return digit[1] ?? null;
  const numpad = /^Numpad(\d)$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return NAMED[code] ?? null;
}

export function recordAccelerator(press: KeyPress, isMac: boolean): Recorded {
  const anyModifier = press.ctrlKey || press.metaKey || press.altKey || press.shiftKey;
  if (press.key === 'Escape' && !anyModifier) return { kind: 'cancel' };
  if (MODIFIER_CODES.test(press.code)) return { kind: 'incomplete' };
  const key = keyName(press.code);
  if (key === null) return { kind: 'unsupported' };
  const primary = isMac ? press.metaKey : press.ctrlKey;
  const parts = [
    primary ? 'CommandOrControl' : null,
    isMac && press.ctrlKey ? 'Control' : null,
    !isMac && press.metaKey ? 'Super' : null,
    press.altKey ? 'Alt' : null,
    press.shiftKey ? 'Shift' : null,
  ].filter((part): part is string => part !== null);
  const functionKey = /^F\d+$/.test(key);
  const strongModifier = press.ctrlKey || press.metaKey || press.altKey;
  if (!strongModifier && !functionKey) return { kind: 'incomplete' };
  return { kind: 'accelerator', accelerator: [...parts, key].join('+') };
}

export type ModifierWord = 'commandOrControl' | 'control' | 'super' | 'alt' | 'shift' | 'space';

const WORDS: Record<string, ModifierWord> = {
  CommandOrControl: 'commandOrControl',
  CmdOrCtrl: 'commandOrControl',
  Control: 'control',
  Ctrl: 'control',
  Super: 'super',
  Meta: 'super',
  Alt: 'alt',
  Option: 'alt',
  Shift: 'shift',
  Space: 'space',
};

/** The accelerator's parts, each either a word to translate or a key shown as is. */
export function acceleratorParts(
  accelerator: string,
): ({ word: ModifierWord } | { key: string })[] {
  return accelerator
    .split(/\+(?!$)/)
    .map((part) => (WORDS[part] ? { word: WORDS[part] } : { key: part }));
}
