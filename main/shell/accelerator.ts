/**
 * Electron accelerators ("Control+Alt+Space"): checking that one is usable as a global shortcut, and
 * showing it the way the platform names its keys.
 */
const MODIFIERS: Record<
  string,
  'ctrl' | 'cmd' | 'cmdOrCtrl' | 'alt' | 'altgr' | 'shift' | 'super'
> = {
  command: 'cmd',
  cmd: 'cmd',
  control: 'ctrl',
  ctrl: 'ctrl',
  commandorcontrol: 'cmdOrCtrl',
  cmdorctrl: 'cmdOrCtrl',
  alt: 'alt',
  option: 'alt',
  altgr: 'altgr',
  shift: 'shift',
  super: 'super',
  meta: 'super',
};

const NAMED_KEYS = [
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
const PUNCTUATION = ')!@#$%^&*(:;+=<,_->.?/~`{][|\\}"\'';

function isKey(token: string): boolean {
  const t = token.toLowerCase();
  return (
    /^[a-z0-9]$/.test(t) ||
    /^f([1-9]|1[0-9]|2[0-4])$/.test(t) ||
    /^num[0-9]$/.test(t) ||
    NAMED_KEYS.includes(t) ||
    (token.length === 1 && PUNCTUATION.includes(token))
  );
}

/** Null when the accelerator can be a global shortcut, else a sentence saying why not. */
export function acceleratorProblem(accelerator: string): string | null {
  const tokens = accelerator.split('+');
  // "Control++" means Control and the plus key.
  if (accelerator.endsWith('++')) tokens.splice(-2, 2, '+');
  const key = tokens.pop() ?? '';
  const modifiers = tokens.map((t) => MODIFIERS[t.toLowerCase()]);
  if (accelerator.trim() === '' || !isKey(key) || modifiers.some((m) => m === undefined)) {
    return `"${accelerator}" is not a keyboard shortcut. Use modifier keys and one key, like Ctrl+Alt+Space.`;
  }
  if (new Set(modifiers).size !== modifiers.length) {
    return `"${accelerator}" names a modifier key twice.`;
  }
  const isFunctionKey = /^f([1-9]|1[0-9]|2[0-4])$/i.test(key);
  const hasCommandModifier = modifiers.some((m) => m !== 'shift');
  if (!hasCommandModifier && !isFunctionKey) {
    return `${accelerator} alone would catch normal typing. Add Ctrl, Alt or ${'\u2318'}/Super.`;
  }
  return null;
}

/** The accelerator as the platform writes it: Ctrl+Alt+Space, or Control+Option+Space on macOS. */
export function displayAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  const names: Record<string, string> = {
    cmd: mac ? 'Cmd' : 'Super',
    ctrl: mac ? 'Control' : 'Ctrl',
    cmdOrCtrl: mac ? 'Cmd' : 'Ctrl',
    alt: mac ? 'Option' : 'Alt',
    altgr: 'AltGr',
    shift: 'Shift',
    super: mac ? 'Cmd' : 'Super',
  };
  const tokens = accelerator.split('+');
  if (accelerator.endsWith('++')) tokens.splice(-2, 2, '+');
  const key = tokens.pop() ?? '';
  const modifiers = tokens.map((t) => names[MODIFIERS[t.toLowerCase()] ?? ''] ?? t);
  const shownKey =
    key.length === 1 ? key.toUpperCase() : key.charAt(0).toUpperCase() + key.slice(1);
  return [...modifiers, shownKey].join('+');
}
