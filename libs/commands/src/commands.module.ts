import { Module } from '@nestjs/common';
import { CommandRunner } from './command-runner';

/** The command path for any app (HTTP, AMQP, CLI). Needs PlatformModule (event store, clock, metrics). */
@Module({ providers: [CommandRunner], exports: [CommandRunner] })
export class CommandsModule {}
