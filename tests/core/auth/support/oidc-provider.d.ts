/**
 * The little of oidc-provider's API the sign-in tests use (the package ships no types, and
 * @types/oidc-provider is not installed).
 */
declare module 'oidc-provider' {
  import type { RequestListener } from 'node:http';

  interface OidcContext {
    oidc: { params?: Record<string, unknown> };
  }

  interface StoredModel {
    destroy(): Promise<void>;
  }

  interface ModelClass {
    find(id: string): Promise<(StoredModel & Record<string, unknown>) | undefined>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    callback(): RequestListener;
    on(event: string, listener: (ctx: OidcContext, ...args: unknown[]) => void): this;
    RefreshToken: ModelClass;
    AccessToken: ModelClass;
    Grant: ModelClass;
  }
}
