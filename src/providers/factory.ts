import type { AccountConfig, AppConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { ProviderSet } from '../ports/providers.js';
import type { CredentialStore } from '../ports/store.js';

/** What every provider family's factory receives from the composition root (src/app). */
export interface ProviderFactoryInput {
  account: AccountConfig;
  config: AppConfig;
  /** The provider's one role in the store: its sealed credentials and its account's status. */
  store: CredentialStore;
  logger: Logger;
  now: () => Date;
}

export type ProviderFactory = (input: ProviderFactoryInput) => Promise<ProviderSet>;

/** Reconnect advice of the families whose credentials are passwords from the environment or the
 *  config: a disconnected account is checked again on every run (ProviderSet.checkConnection). */
export const PASSWORD_RECONNECT =
  'fix what it names (the password in the environment, or the config); followup checks again on every run and reconnects by itself';
