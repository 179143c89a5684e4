import { Module } from '@nestjs/common';
import { CommandApiModule } from '../command-api.module';
import { AuditController } from './audit.controller';
import { signingKeyProvider } from './audit.tokens';
import { CheckpointService } from './checkpoint.service';
import { ProjectAuditController } from './project-audit.controller';

/** Auditor endpoints: as-of, verify, the global log, signed checkpoints. Needs PlatformModule. */
@Module({
  imports: [CommandApiModule],
  controllers: [AuditController, ProjectAuditController],
  providers: [signingKeyProvider, CheckpointService],
  exports: [CheckpointService],
})
export class AuditModule {}
