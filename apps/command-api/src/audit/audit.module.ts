import { Module } from '@nestjs/common';
import { CommandApiModule } from '../command-api.module';
import { AuditController } from './audit.controller';
import { signingKeyProvider } from './audit.tokens';
import { CheckpointService } from './checkpoint.service';
import { CorrectionsController } from '../http/command-routes.controller';
import { ProjectAuditController } from './project-audit.controller';

/** Auditor endpoints (as-of, verify, global log, signed checkpoints) and corrections. Needs PlatformModule. */
@Module({
  imports: [CommandApiModule],
  controllers: [AuditController, ProjectAuditController, CorrectionsController],
  providers: [signingKeyProvider, CheckpointService],
  exports: [CheckpointService],
})
export class AuditModule {}
