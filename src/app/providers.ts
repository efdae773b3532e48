import type { ProviderKind } from '../domain/types.js';
import type { ProviderFactory } from '../providers/factory.js';

/**
 * The composition root's registry of provider families. Families are imported lazily so a
 * serverless cold start loads only the SDKs its accounts use.
 */
export const PROVIDER_FACTORIES: Record<ProviderKind, () => Promise<ProviderFactory>> = {
  local: async () => (await import('../providers/local/index.js')).createLocalProviders,
  google: async () => (await import('../providers/google/index.js')).createGoogleProviders,
  microsoft: async () => (await import('../providers/microsoft/index.js')).createMicrosoftProviders,
  standard: async () => (await import('../providers/standard/index.js')).createStandardProviders,
};
