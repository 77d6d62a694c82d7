import type { BridgeError, SearchHit, TrayBridge } from '../../../preload/contract';

export interface SearchState {
  text: string;
  /**
   * - `recent`: nothing typed, the recent work packages are shown;
   * - `waiting`: typed, the debounce has not fired yet (the previous hits stay);
   * - `searching`: a request is under way;
   * - `done` / `failed`: the latest request answered.
   */
  phase: 'recent' | 'waiting' | 'searching' | 'done' | 'failed';
  hits: SearchHit[];
  failures: { accountId: string; error: BridgeError }[];
  error: BridgeError | null;
}

export const INITIAL_SEARCH: SearchState = {
  text: '',
  phase: 'recent',
  hits: [],
  failures: [],
  error: null,
};

export const SEARCH_DEBOUNCE_MS = 250;

type SearchBridge = Pick<TrayBridge, 'search' | 'cancelSearch'>;

/**
 * The search's timing, apart from React: typing restarts a debounce; when it fires, the request
 * still under way is cancelled (`cancelSearch`) and a new one starts with a fresh id; an answer
 * to any request but the latest is dropped.
 */
export class SearchSession {
  private state: SearchState = INITIAL_SEARCH;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: string | null = null;
  private sequence = 0;
  private disposed = false;

  constructor(
    private readonly bridge: SearchBridge,
    private readonly onChange: (state: SearchState) => void,
    private readonly debounceMs = SEARCH_DEBOUNCE_MS,
    private readonly idPrefix = `search-${Math.random().toString(36).slice(2, 8)}`,
  ) {}

  setText(text: string): void {
    this.clearTimer();
    if (text.trim() === '') {
      this.cancelInFlight();
      this.update({ ...INITIAL_SEARCH, text });
      return;
    }
    this.update({ ...this.state, text, phase: 'waiting' });
    this.timer = setTimeout(() => void this.run(text.trim()), this.debounceMs);
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.cancelInFlight();
  }

  private async run(text: string): Promise<void> {
    this.timer = null;
    this.cancelInFlight();
    this.sequence += 1;
    const requestId = `${this.idPrefix}-${this.sequence}`;
    this.inFlight = requestId;
    this.update({ ...this.state, phase: 'searching' });
    const result = await this.bridge.search({ requestId, text });
    if (this.disposed || this.inFlight !== requestId) return;
    this.inFlight = null;
    if (result.ok) {
      const { hits, failures } = result.value;
      this.update({ ...this.state, phase: 'done', hits, failures, error: null });
    } else if (result.error.kind !== 'cancelled') {
      this.update({ ...this.state, phase: 'failed', hits: [], failures: [], error: result.error });
    }
  }

  private cancelInFlight(): void {
    if (this.inFlight === null) return;
    const requestId = this.inFlight;
    this.inFlight = null;
    void this.bridge.cancelSearch({ requestId });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(state: SearchState): void {
    this.state = state;
    if (!this.disposed) this.onChange(state);
  }
}
