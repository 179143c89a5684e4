import { Module } from '@nestjs/common';
import { IatiQualityController } from './iati-quality.controller';
import { ProjectIatiController } from './project-iati.controller';

/** GET /projects/:id/iati and GET /iati/quality. Needs PlatformModule (config, clock, event store, auth). */
@Module({ controllers: [ProjectIatiController, IatiQualityController] })
export class IatiExportModule {}
