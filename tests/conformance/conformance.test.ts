/**
 * OpenAPI conformance: `prism proxy --errors` with OpenProject's official spec between the API
 * client and the simulator, driving every endpoint the app uses. Prism must report nothing but
 * the listed spec exceptions (spec-exceptions.ts), and every listed exception must still occur.
 * Skips, saying why, where the spec folder is absent (see spec-location.ts).
 *
 * Run alone: npx vitest run tests/conformance
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator';
import { audit, distinctDescriptions, endpointMatcher, type AuditResult } from './audit';
import { drive, ENDPOINTS_USED, type StepOutcome } from './drive';
import { makeFixture } from './fixture';
import { startPrism, type PrismProxy } from './prism';
import { startRecorder, type Recorder } from './recorder';
import { SPEC_EXCEPTIONS } from './spec-exceptions';
import { locateSpec } from './spec-location';

const spec = locateSpec();
if (!spec.found) console.warn(spec.reason);

describe.skipIf(!spec.found)(
  'the simulator and the API client against the official OpenAPI spec',
  () => {
    let simulator: Simulator | undefined;
    let prism: PrismProxy | undefined;
    let recorder: Recorder | undefined;
    let outcomes: StepOutcome[] = [];
    let result: AuditResult;

    beforeAll(async () => {
      if (!spec.found) return;
      const started = performance.now();
      // aggregation off: each notification the fixture creates stays one of its own
      simulator = await startSimulator({
        port: 0,
        seed: 1,
        semanticIds: true,
        aggregationMinutes: 0,
      });
      prism = await startPrism({ spec: spec.path, upstream: simulator.url });
      recorder = await startRecorder(prism.url);
      const ready = performance.now();
      const fixture = await makeFixture(simulator);
      outcomes = await drive(recorder, simulator.tokens, fixture);
      result = audit(recorder.violations, SPEC_EXCEPTIONS);
      const done = performance.now();
      console.info(
        `conformance: prism ready in ${prism.startupMs} ms, set-up ${Math.round(ready - started)} ms, ` +
          `${recorder.exchanges.length} requests in ${Math.round(done - ready)} ms; ` +
          `${recorder.violations.length} violations reported, explained by ${
            Object.values(result.explainedBy).filter((n) => n > 0).length
          } listed spec exceptions`,
      );
    }, 60_000);

    afterAll(async () => {
      await recorder?.stop();
      await prism?.stop();
      await simulator?.stop();
    });

    it('reaches every endpoint the app uses', () => {
      const exchanges = recorder?.exchanges ?? [];
      const missed = ENDPOINTS_USED.filter(
        (endpoint) => !exchanges.some(endpointMatcher(endpoint)),
      );
      expect(missed).toEqual([]);
    });

    it('gets no request or response violation beyond the listed spec exceptions', () => {
      expect(distinctDescriptions(result.unexplained)).toEqual([]);
    });

    it('lists no stale exception: each still occurs on every endpoint it names', () => {
      expect(result.stale).toEqual([]);
    });

    it('fails a step only where prism refused or replaced an answer (a violation, audited above)', () => {
      // With --errors prism answers a request or response that breaks the spec itself (4xx/500);
      // any other failed step is the client's or the simulator's own doing.
      const replaced = new Set(
        (recorder?.violations ?? []).filter((v) => v.severity === 'Error').map((v) => v.label),
      );
      const unexplainedFailures = outcomes
        .filter((step) => !step.ok && !replaced.has(step.label))
        .map((step) => `${step.label}: ${step.detail}`);
      expect(unexplainedFailures).toEqual([]);
    });
  },
);

if (!spec.found) {
  describe('the simulator and the API client against the official OpenAPI spec', () => {
    it.skip(spec.reason, () => {});
  });
}
