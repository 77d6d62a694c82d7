/**
 * The shapes routes are written in: an API v3 route (below `/api/v3`) with the checks OpenProject
 * runs before its endpoint (integer params, login, permission), and the shared simulator context.
 */
import type { Principal, BearerResolver } from '../auth';
import type { Area } from '../data/model';
import type { Store } from '../data/store';
import type { Exchange } from '../http';
import type { Paths } from '../paths';
import type { RepresenterContext } from '../representers/context';

export interface Settings {
  /** OpenProject's `login_required`: anonymous API calls get 401 (else only 403 where needed). */
  loginRequired: boolean;
  instanceName: string;
  coreVersion: string;
  absentLinks: 'omit' | 'null';
  semanticIds: boolean;
  /** The Enterprise feature `date_alerts`: makes `dateAlert` an allowed reason filter value. */
  dateAlertsFeature: boolean;
  /** `journal_aggregation_time_minutes`: one actor's changes within it are aggregated (0 = never). */
  aggregationMinutes: number;
}

export interface SimContext {
  store: Store;
  paths: Paths;
  settings: Settings;
  bearerResolvers: BearerResolver[];
  /** http://127.0.0.1:PORT (known once listening). */
  origin(): string;
}

export interface ApiCall {
  ex: Exchange;
  params: Readonly<Record<string, string>>;
  principal: Principal;
  sim: SimContext;
  rep: RepresenterContext;
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Below `/api/v3`, with `:name` parameters, e.g. `/notifications/:id/read_ian`. */
  path: string;
  /** Parameters that must be integers (Grape answers 400 otherwise, before authentication). */
  integers?: readonly string[];
  /** Anonymous callers are refused with 403 MissingPermission. */
  loggedIn?: boolean;
  /** Tokens denied this area are refused with 403 MissingPermission. */
  area?: Area;
  handle(call: ApiCall): void | Promise<void>;
}

/** A route outside the API (web pages, OAuth…), below the sub-path. */
export interface PlainRoute {
  method: string;
  path: string;
  handle(ex: Exchange, params: Readonly<Record<string, string>>): void | Promise<void>;
}
