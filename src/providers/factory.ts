import type { AccountConfig, AppConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { ProviderSet } from '../ports/providers.js';
import type { Store } from '../ports/store.js';

/** What every provider family's factory receives from the composition root (src/app). */
export interface ProviderFactoryInput {
  account: AccountConfig;
  config: AppConfig;
  /** Credentials (ciphertext), rate-limit not-before times. */
  store: Store;
  logger: Logger;
  now: () => Date;
}

export type ProviderFactory = (input: ProviderFactoryInput) => Promise<ProviderSet>;
