import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { resolveConfigPath, globals } from './context.js';
import { registerGoogleCommands } from './google-command.js';
import { registerMicrosoftCommands } from './microsoft-command.js';
import { registerReplyCommands } from './reply-command.js';
import { openStore } from '../store/open-store.js';
import { resolveFromConfig, type AppConfig } from '../config.js';

/** Commands contributed by provider families and the reply parser. */
export function registerExtraCommands(program: Command): void {
  registerReplyCommands(program);
  const deps = {
    loadConfig: (cmd: Command) => loadConfig(resolveConfigPath(globals(cmd).config)),
    openStore: (config: AppConfig) => openStore({ databaseUrl: config.env.databaseUrl, sqlitePath: resolveFromConfig(config, config.store.sqlitePath) }),
  };
  registerGoogleCommands(program, deps);
  registerMicrosoftCommands(program, deps);
}
