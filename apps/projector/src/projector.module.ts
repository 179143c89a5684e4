import { Module } from '@nestjs/common';
import { ReadModelModule } from '@ledger/read-model';
import { ProjectorService } from './projector.service';

/**
 * The projector in-process: a catch-up subscription keeping READ_MODEL up to date. Needs PlatformModule
 * (APP_CONFIG, EVENT_STORE). PROJECTOR_ENABLED=false keeps it idle (a separate projector process runs it).
 */
@Module({
  imports: [ReadModelModule],
  providers: [ProjectorService],
  exports: [ProjectorService],
})
export class ProjectorModule {}
