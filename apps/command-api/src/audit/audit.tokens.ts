import { loadSigningKey, type SigningKey } from '@ledger/audit';
import { APP_CONFIG, type AppConfig } from '@ledger/platform';

/** The Ed25519 key that signs audit checkpoints (SigningKey from @ledger/audit). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');

export const signingKeyProvider = {
  provide: AUDIT_SIGNING_KEY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): SigningKey =>
    loadSigningKey({ configured: config.auditSigningKey, dataDir: config.dataDir }),
};
