import { Module } from '@nestjs/common';
import { ProjectIatiController } from './project-iati.controller';

/** GET /projects/:id/iati. Needs PlatformModule (config, clock, event store, auth). */
@Module({ controllers: [ProjectIatiController] })
export class IatiExportModule {}
