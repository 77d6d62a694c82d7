/**
 * Request statistics: how many requests and how many response bytes went over the wire (status
 * line, headers and the possibly compressed body), in total and per path, plus a short log.
 */
import type { Exchange } from './http';

export interface PathStats {
  requests: number;
  bytes: number;
}

export interface RequestRecord {
  method: string;
  /** Below the sub-path, without the query. */
  path: string;
  query: string;
  status: number;
  /** Bytes written to the socket for this response. */
  bytes: number;
  /** The connection was destroyed before the response was complete. */
  dropped: boolean;
}

export interface RequestStats {
  requests: number;
  bytes: number;
  byPath: Record<string, PathStats>;
  /** The most recent requests, oldest first (at most 500). */
  recent: RequestRecord[];
}

const RECENT_LIMIT = 500;

export class Stats {
  private requests = 0;
  private bytes = 0;
  private byPath = new Map<string, PathStats>();
  private recent: RequestRecord[] = [];

  /** Starts counting one request; the bytes are known when the response is finished or the socket closes. */
  begin(ex: Exchange): void {
    const socket = ex.req.socket;
    const before = socket.bytesWritten;
    const path = ex.path === '' ? ex.url.pathname : ex.path;
    let done = false;
    const finish = (dropped: boolean) => {
      if (done) return;
      done = true;
      const bytes = socket.bytesWritten - before;
      this.requests += 1;
      this.bytes += bytes;
      const entry = this.byPath.get(path) ?? { requests: 0, bytes: 0 };
      entry.requests += 1;
      entry.bytes += bytes;
      this.byPath.set(path, entry);
      this.recent.push({
        method: ex.method,
        path,
        query: ex.url.search,
        status: ex.res.statusCode,
        bytes,
        dropped,
      });
      if (this.recent.length > RECENT_LIMIT) this.recent.shift();
    };
    ex.res.on('finish', () => finish(false));
    ex.res.on('close', () => finish(!ex.res.writableFinished));
  }

  snapshot(): RequestStats {
    return {
      requests: this.requests,
      bytes: this.bytes,
      byPath: Object.fromEntries([...this.byPath].map(([path, s]) => [path, { ...s }])),
      recent: this.recent.map((r) => ({ ...r })),
    };
  }

  reset(): void {
    this.requests = 0;
    this.bytes = 0;
    this.byPath.clear();
    this.recent = [];
  }
}
