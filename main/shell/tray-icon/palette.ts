import type { Rgb } from './bitmap';

/** Colours of the non-template (Windows, Linux) tray icons; mid-tones that read on light and dark panels. */
export const PALETTE = {
  bell: [0x2a, 0x7b, 0xc0],
  inactive: [0x8c, 0x93, 0x9d],
  badge: [0xc4, 0x16, 0x1c],
  badgeInk: [0xff, 0xff, 0xff],
  error: [0xc4, 0x16, 0x1c],
  lock: [0xb4, 0x5d, 0x09],
  pause: [0x4b, 0x55, 0x63],
  black: [0, 0, 0],
} satisfies Record<string, Rgb>;
