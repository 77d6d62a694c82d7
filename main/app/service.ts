/**
 * The application service: the contract's command handlers over the real core, the contract's
 * events, and the start/stop of syncing. Every request is validated first (the renderer is
 * untrusted); every handler answers a `Result` and never throws; no answer and no event ever
 * carries a token or a client secret.
 *
 *   const service = createAppService({ settings, secrets, dataDir, notifier, opener, hotkeys, … });
 *   service.events.onAny((event, payload) => send(EVENT_CHANNELS[event], payload));
 *   ipc.handle(COMMAND_CHANNELS.probe, (request) => service.handlers.probe(request));
 *   await service.start();  …  await service.stop();
 */
import {
  COMMAND_NAMES,
  ok,
  type CommandHandlers,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type Result,
} from '../../preload/contract';
import { APP_VERSION } from '../core/version';
import { accountCommands } from './account-commands';
import { browserCommands } from './browser-commands';
import { AppContext } from './context';
import { failWith } from './errors';
import type { AppEvents } from './events';
import { notificationCommands } from './notification-commands';
import { OAuthFlows } from './oauth-flows';
import type { AppServiceDeps } from './ports';
import { SearchService } from './search-commands';
import { secretStorageCommands } from './secret-storage';
import { settingsCommands } from './settings-commands';
import { setupCommands } from './setup-commands';
import { parseRequest } from './validation';

export interface AppService {
  /** One handler per command of the contract; each validates its request and never throws. */
  readonly handlers: CommandHandlers;
  readonly events: AppEvents;
  /** Registers the saved hotkey, starts syncing every signed-in account, pushes the first events. */
  start(): Promise<void>;
  /** Cancels sign-ins and searches, stops syncing (waits for polls in flight), releases the hotkey. */
  stop(): Promise<void>;
}

type Impl = CommandHandlers;

function guarded<K extends CommandName>(name: K, impl: Impl[K]): Impl[K] {
  const handler = async (request: unknown): Promise<Result<CommandResponse<K>>> => {
    const parsed = parseRequest(name, request);
    if (!parsed.ok) return parsed;
    try {
      const run = impl as (request: CommandRequest<K>) => Promise<Result<CommandResponse<K>>>;
      return await run(parsed.value);
    } catch (error) {
      return failWith(error);
    }
  };
  return handler as Impl[K];
}

export function createAppService(deps: AppServiceDeps): AppService {
  const ctx = new AppContext(deps);
  const flows = new OAuthFlows(ctx);
  const search = new SearchService(ctx);
  const cancelAll = () => {
    flows.cancelAll();
    search.cancelAll();
  };
  const impl: Impl = {
    appInfo: () =>
      Promise.resolve(ok(deps.appInfo ?? { name: 'OpenProject Tray', version: APP_VERSION })),
    ...setupCommands(ctx),
    ...flows.commands(),
    ...accountCommands(ctx, { cancelAll }),
    ...notificationCommands(ctx),
    ...search.commands(),
    ...browserCommands(ctx, search),
    ...settingsCommands(ctx),
    ...secretStorageCommands(ctx),
    async openView(request) {
      if (request.accountId !== undefined) ctx.account(request.accountId);
      await deps.views.openView(request);
      return ok(null);
    },
    async windowAction({ action }) {
      await deps.views.windowAction(action);
      return ok(null);
    },
  };
  const handlers = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, guarded(name, impl[name])]),
  ) as unknown as CommandHandlers;

  let started = false;
  return {
    handlers,
    events: ctx.events,
    async start() {
      if (started) return;
      started = true;
      const hotkey = deps.settings.get().global.hotkey;
      if (hotkey !== null && deps.hotkeys.register(hotkey) !== 'ok') {
        ctx.log(`The shortcut ${hotkey} could not be registered: choose another in the settings.`);
      }
      for (const account of ctx.accounts.list()) {
        if (account.state === 'signed-out') continue;
        try {
          await ctx.hub.attach(account.id, { fresh: false });
        } catch (error) {
          ctx.log(`${account.name} could not start syncing: ${String(error)}`);
        }
      }
      ctx.hub.engine.start();
      ctx.publish.all();
    },
    async stop() {
      cancelAll();
      await ctx.hub.engine.stop();
      if (started) deps.hotkeys.register(null);
      started = false;
    },
  };
}
