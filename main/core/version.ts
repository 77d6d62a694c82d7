/**
 * The app's version, as a constant so that bundles need not read package.json at run time.
 * tests/core/version.test.ts fails when it drifts from package.json.
 */
export const APP_VERSION = '0.1.0';

/** What every request to OpenProject says about us. */
export const USER_AGENT = `OpenProjectTray/${APP_VERSION} (+https://www.openproject.org)`;
