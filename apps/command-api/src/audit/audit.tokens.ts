import { loadSigningKey, type SigningKey } from '@ledger/audit';
import { APP_CONFIG, ConfigError, isClustered, type AppConfig } from '@ledger/platform';

/** The Ed25519 key that signs audit checkpoints (SigningKey from @ledger/audit). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');

/**
 * Several replicas each generating a key would sign checkpoints that verification rejects. Checked when
 * the module is declared, before any provider opens a connection that a failed start would leave open.
 */
export function assertSigningKeyConfigured(config: AppConfig): void {
  if (isClustered(config) && !config.auditSigningKey) {
    throw new ConfigError([
      'AUDIT_SIGNING_KEY: required when EVENT_STORE=postgres (several replicas must sign with one key)',
    ]);
  }
}

export const signingKeyProvider = {
  provide: AUDIT_SIGNING_KEY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): SigningKey =>
    loadSigningKey({ configured: config.auditSigningKey, dataDir: config.dataDir }),
};
