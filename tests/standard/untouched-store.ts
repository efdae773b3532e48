import type { CredentialStore } from '../../src/ports/store.js';

/** A provider's whole view of the store; the standard family keeps its passwords in the environment. */
export const untouchedStore: CredentialStore = {
  getCredential: async () => {
    throw new Error('the standard family read a credential from the store');
  },
  saveCredential: async () => {
    throw new Error('the standard family saved a credential in the store');
  },
  setAccountStatus: async () => {
    throw new Error('the standard family set its account status itself');
  },
};
