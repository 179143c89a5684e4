import { loadSigningKey, type SigningKey } from '@ledger/audit';
import { APP_CONFIG, ConfigError, isClustered, type AppConfig } from '@ledger/platform';

/** The Ed25519 key that signs audit checkpoints (SigningKey from @ledger/audit). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');

export const signingKeyProvider = {
  provide: AUDIT_SIGNING_KEY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): SigningKey => {
    // Several replicas each generating a key would sign checkpoints that verification rejects.
    if (isClustered(config) && !config.auditSigningKey) {
      throw new ConfigError([
        'AUDIT_SIGNING_KEY: required when EVENT_STORE=postgres (several replicas must sign with one key)',
      ]);
    }
    return loadSigningKey({ configured: config.auditSigningKey, dataDir: config.dataDir });
  },
};
