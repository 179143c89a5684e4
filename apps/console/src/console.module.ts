import { Module } from '@nestjs/common';
import { ConsoleFilesController } from './console-files.controller';
import { SessionController } from './session.controller';

/** The web console at /console and the session route it signs in with. Needs PlatformModule. */
@Module({ controllers: [SessionController, ConsoleFilesController] })
export class ConsoleModule {}
