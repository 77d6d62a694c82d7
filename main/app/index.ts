/** The application service: the IPC contract's handlers over the core, for the shell and the harness. */
export { createAppService, type AppService } from './service';
export type { AppEvents, AnyEventListener } from './events';
export type {
  AppServiceDeps,
  ExternalOpener,
  HotkeyOutcome,
  HotkeyRegistrar,
  LoginItemPort,
  OAuthOptions,
  ViewPort,
} from './ports';
