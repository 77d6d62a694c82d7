/**
 * Fault injection: latency, 5xx, 429 with rate-limit headers, dropped connections, malformed JSON
 * and valid JSON of the wrong shape — for the next N matching requests or until cleared,
 * optionally only below a path prefix or for one method.
 */
import { HAL_JSON, send, sendHal, type Exchange } from './http';
import { errorBody } from './problems';

export interface FaultScope {
  /** How many matching requests it applies to; omitted = until cleared. */
  times?: number;
  /** Only requests whose path (below the sub-path) starts with this, e.g. `/api/v3/notifications`. */
  pathPrefix?: string;
  /** Only this method (GET, POST, …). */
  method?: string;
}

export type FaultSpec = FaultScope &
  (
    | { kind: 'latency'; ms: number }
    | { kind: 'status'; status: 500 | 502 | 503; retryAfterSeconds?: number }
    | { kind: 'rateLimit'; retryAfterSeconds?: number; limit?: number }
    | { kind: 'drop' }
    | { kind: 'malformedJson' }
    | { kind: 'wrongShape' }
  );

export type ActiveFault = FaultSpec & {
  id: string;
  /** Requests it still applies to (null = until cleared). */ remaining: number | null;
};

export class Faults {
  private active: ActiveFault[] = [];
  private counter = 0;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = {
      ...spec,
      id: `fault-${++this.counter}`,
      remaining: spec.times ?? null,
    };
    this.active.push(fault);
    return fault;
  }

  clear(id?: string): boolean {
    const before = this.active.length;
    this.active = id === undefined ? [] : this.active.filter((f) => f.id !== id);
    return this.active.length < before;
  }

  list(): ActiveFault[] {
    return this.active.map((f) => ({ ...f }));
  }

  /** The faults for this request (their counts used up): the summed latency and the first other fault. */
  take(method: string, path: string): { latencyMs: number; fault?: ActiveFault } {
    let latencyMs = 0;
    let fault: ActiveFault | undefined;
    for (const f of this.active) {
      if (f.pathPrefix !== undefined && !path.startsWith(f.pathPrefix)) continue;
      if (f.method !== undefined && f.method.toUpperCase() !== method) continue;
      if (f.kind === 'latency') latencyMs += f.ms;
      else if (fault) continue;
      else fault = f;
      if (f.remaining !== null) f.remaining -= 1;
    }
    this.active = this.active.filter((f) => f.remaining === null || f.remaining > 0);
    return fault ? { latencyMs, fault } : { latencyMs };
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

const PROXY_PAGES: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
};

/** Answers the request the way the fault says. */
export function applyFault(ex: Exchange, fault: ActiveFault): void {
  switch (fault.kind) {
    case 'latency':
      return;
    case 'status': {
      const retry =
        fault.retryAfterSeconds === undefined
          ? {}
          : { 'Retry-After': String(fault.retryAfterSeconds) };
      if (fault.status === 500) {
        sendHal(
          ex,
          500,
          errorBody('InternalServerError', 'An internal error has occurred.'),
          retry,
        );
        return;
      }
      // 502/503 come from the reverse proxy in front of OpenProject: an HTML page.
      const title = `${fault.status} ${PROXY_PAGES[fault.status]}`;
      send(
        ex,
        fault.status,
        { 'Content-Type': 'text/html', ...retry },
        `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
      );
      return;
    }
    case 'rateLimit': {
      const retry = String(fault.retryAfterSeconds ?? 3);
      sendHal(
        ex,
        429,
        errorBody('Throttled', 'You have reached the request limit for this resource.'),
        {
          'Retry-After': retry,
          'RateLimit-Limit': String(fault.limit ?? 6),
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': retry,
        },
      );
      return;
    }
    case 'drop': {
      // Headers and the start of a body, then the connection dies.
      const partial =
        '{"_type":"Collection","total":42,"count":20,"_embedded":{"elements":[{"_type":"Notif';
      ex.res.writeHead(200, { 'Content-Type': HAL_JSON, 'Content-Length': 4096 });
      ex.res.write(partial, () => ex.res.socket?.destroy());
      return;
    }
    case 'malformedJson':
      send(
        ex,
        200,
        { 'Content-Type': HAL_JSON },
        '{"_type":"Collection","total":3,"count":3,"_embedded":{"elements":[{"_type":"Notification","id":1,',
      );
      return;
    case 'wrongShape':
      sendHal(ex, 200, {
        _type: 'Collection',
        total: 'three',
        count: null,
        _embedded: { elements: { id: 'x', readIAN: 'no' } },
        _links: [],
      });
      return;
  }
}
