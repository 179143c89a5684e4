import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@ledger/platform';
import { CommandApiModule } from '../command-api.module';
import { AuditController } from './audit.controller';
import { assertSigningKeyConfigured, signingKeyProvider } from './audit.tokens';
import { CheckpointService } from './checkpoint.service';
import { CorrectionsController } from '../http/command-routes.controller';
import { ProjectAuditController } from './project-audit.controller';
import { ProjectExportController } from './project-export.controller';

/** Auditor endpoints (as-of, verify, exports, global log, signed checkpoints) and corrections. Needs PlatformModule. */
@Module({
  imports: [CommandApiModule],
  controllers: [AuditController, ProjectAuditController, ProjectExportController, CorrectionsController],
  providers: [signingKeyProvider, CheckpointService],
  exports: [CheckpointService],
})
export class AuditModule {
  /** Refuses a configuration that cannot sign for a cluster before anything is started. */
  static forRoot(config: AppConfig): DynamicModule {
    assertSigningKeyConfigured(config);
    return { module: AuditModule };
  }
}
