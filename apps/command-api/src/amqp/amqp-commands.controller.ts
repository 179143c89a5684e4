import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import type { Message } from 'amqplib';
import { EventStoreClosedError } from '@ledger/event-store';
import { APP_CONFIG, type AppConfig, ProblemException } from '@ledger/platform';
import { newCommandId } from '../commands/command-ids';
import type { CommandResult } from '../commands/command-result';
import { ProjectCommandService, type CommandInput } from '../commands/project-command.service';
import {
  AMQP_COMMAND_PATTERNS,
  type AmqpCommandPattern,
  type AmqpCommandReply,
} from './amqp-command.message';
import { parseAmqpCommand } from './amqp-command.parser';

const logger = new Logger('AmqpCommands');
/** Pauses between attempts of a command that failed for a reason other than a decision (about 4 s in all). */
const RETRY_DELAYS_MS = [250, 1000, 3000];

/** Commands over AMQP: the same service, validation and problem codes as HTTP; a reply for callers that wait. */
@Controller()
export class AmqpCommandsController {
  constructor(
    private readonly commands: ProjectCommandService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @MessagePattern('project.create')
  create(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.create', data, ctx);
  }
  @MessagePattern('project.start')
  start(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.start', data, ctx);
  }
  @MessagePattern('project.complete')
  complete(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.complete', data, ctx);
  }
  @MessagePattern('project.revise-budget')
  reviseBudget(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.revise-budget', data, ctx);
  }
  @MessagePattern('project.suspend')
  suspend(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.suspend', data, ctx);
  }
  @MessagePattern('project.resume')
  resume(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.resume', data, ctx);
  }
  @MessagePattern('project.cancel')
  cancel(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.cancel', data, ctx);
  }
  @MessagePattern('project.extend')
  extend(@Payload() data: unknown, @Ctx() ctx: RmqContext) {
    return this.run('project.extend', data, ctx);
  }

  /**
   * A failure that is not a decision (the store busy with another process's write, or briefly unreachable)
   * may pass: the command is tried again a few times before it is refused, because refusing an AMQP command
   * drops it (nacked without requeue, so a poison message cannot loop).
   */
  private async executeWithRetries(input: CommandInput): Promise<CommandResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.commands.execute(input);
      } catch (error) {
        const final =
          error instanceof ProblemException ||
          error instanceof EventStoreClosedError ||
          attempt >= RETRY_DELAYS_MS.length;
        if (final) throw error;
        logger.warn(`${input.type} attempt ${attempt + 1} failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
      }
    }
  }

  private async run(pattern: AmqpCommandPattern, data: unknown, ctx: RmqContext): Promise<AmqpCommandReply> {
    const message = ctx.getMessage() as Message;
    const channel = ctx.getChannelRef() as {
      ack(m: Message): void;
      nack(m: Message, all: boolean, requeue: boolean): void;
    };
    try {
      const input = parseAmqpCommand(AMQP_COMMAND_PATTERNS[pattern], data, message);
      const result = await this.executeWithRetries({
        ...input,
        // Fixed across retries: an attempt that stored its events but failed to say so is found, not repeated.
        commandId: input.commandId ?? newCommandId(),
        actor: this.config.amqpCommandActor,
      });
      channel.ack(message);
      return { ok: true, ...result };
    } catch (error) {
      if (error instanceof ProblemException) {
        // A rejected command is a final answer, not a failure to retry: ack it and reply with the problem.
        channel.ack(message);
        return { ok: false, problem: error.problem };
      }
      logger.error(`${pattern} failed: ${(error as Error).stack ?? String(error)}`);
      channel.nack(message, false, false);
      return {
        ok: false,
        problem: { type: 'about:blank', title: 'Internal error', status: 500, code: 'INTERNAL.ERROR' },
      };
    }
  }
}
