import { circle, rect, roundedRect, segment, subtract, union, type Shape } from './bitmap';

/**
 * The tray icon's shapes on a 16-unit design grid (1 unit = 1 pixel at 1x, 2 pixels at 2x).
 * Overlays sit in the bottom-right corner, on whole units, so that their strokes (the '!', the
 * pause bars, the keyhole) land on whole pixels at both scales.
 */

/** A bell: knob, dome, flaring body, rim and clapper. */
export const bell: Shape = union(
  circle(8, 2.5, 1.25),
  circle(8, 7, 4.5),
  (x, y) => {
    if (y < 7 || y > 11.5) return false;
    const halfWidth = 4.5 + (y - 7) * (1 / 4.5);
    return Math.abs(x - 8) <= halfWidth;
  },
  roundedRect(1.5, 11, 13, 2, 1),
  (x, y) => y >= 13 && circle(8, 13, 2)(x, y),
);

/** The "you have unread" dot of the macOS template icon (the count itself goes in the title). */
export const unreadDot: Shape = circle(12.75, 3.25, 2.25);

/** Offline: a slash across the bell. */
export const slash: Shape = segment(2.5, 2.5, 13.5, 13.5, 1.5);

/** The round badge in the bottom-right corner that carries the error, pause and sign-in marks. */
export const cornerBadge: Shape = circle(12.5, 12.5, 3.5);

/** An exclamation mark, 1 unit wide, centred in the corner badge. */
export const exclamation: Shape = union(rect(12, 10, 1, 3), rect(12, 14, 1, 1));

/** Two pause bars, 1 unit wide, in the corner badge. */
export const pauseBars: Shape = union(rect(11, 10, 1, 5), rect(13, 10, 1, 5));

/** A padlock: needs sign-in. It keeps off the image's corner pixel, which stays transparent. */
const lockBody: Shape = roundedRect(8, 11, 7, 4.5, 0.75);
const lockShackle: Shape = (x, y) =>
  y < 11.5 && subtract(roundedRect(9, 7, 5, 8, 2.5), roundedRect(10.25, 8.25, 2.5, 8, 1.25))(x, y);
export const padlock: Shape = union(lockBody, lockShackle);
export const keyhole: Shape = rect(11, 12, 1, 2);
