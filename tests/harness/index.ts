/** The browser harness for the Playwright specs: `startHarness(options)`; see harness.ts. */
export { startHarness, type Harness, type HarnessOptions } from './harness';
export type { FakeHotkeys, FakeLoginItem, ViewRecord } from './fakes';
export type { BuildPolicy } from './renderer-build';
