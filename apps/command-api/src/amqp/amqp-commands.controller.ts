import { Controller, Inject, Logger, type Type } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type RmqContext } from '@nestjs/microservices';
import type { Message } from 'amqplib';
import type { ProjectCommandType } from '@ledger/domain';
import { EventStoreClosedError } from '@ledger/event-store';
import {
  CommandRunner,
  isRefused,
  newCommandId,
  type CommandInput,
  type CommandOutcome,
} from '@ledger/commands';
import { APP_CONFIG, ProblemException, type AppConfig } from '@ledger/platform';
import { outcomeProblem } from '../commands/outcome-problem';
import { AMQP_COMMAND_PATTERNS, type AmqpCommandReply } from './amqp-command.message';
import { parseAmqpCommand } from './amqp-command.parser';

const logger = new Logger('AmqpCommands');
/** Pauses between attempts of a command that failed for a reason other than a decision (about 4 s in all). */
const RETRY_DELAYS_MS = [250, 1000, 3000];

/** The one translation of an outcome into the AMQP reply. */
export function amqpReply(outcome: CommandOutcome): AmqpCommandReply {
  return isRefused(outcome)
    ? { ok: false, problem: outcomeProblem(outcome).problem }
    : { ok: true, ...outcome.result };
}

/** Commands over AMQP: the same runner, validation and problem codes as HTTP; a reply for callers that wait. */
class AmqpCommandsHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly config: AppConfig,
  ) {}

  /**
   * A failure that is not a decision (the store busy with another process's write, or briefly unreachable)
   * may pass: the command is tried again a few times before it is refused, because refusing an AMQP command
   * drops it (nacked without requeue, so a poison message cannot loop).
   */
  private async executeWithRetries(input: CommandInput): Promise<CommandOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.commands.execute(input);
      } catch (error) {
        if (error instanceof EventStoreClosedError || attempt >= RETRY_DELAYS_MS.length) throw error;
        logger.warn(`${input.type} attempt ${attempt + 1} failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
      }
    }
  }

  async handle(type: ProjectCommandType, data: unknown, ctx: RmqContext): Promise<AmqpCommandReply> {
    const message = ctx.getMessage() as Message;
    const channel = ctx.getChannelRef() as {
      ack(m: Message): void;
      nack(m: Message, all: boolean, requeue: boolean): void;
    };
    try {
      const input = parseAmqpCommand(type, data, message);
      const outcome = await this.executeWithRetries({
        ...input,
        // Fixed across retries: an attempt that stored its events but failed to say so is found, not repeated.
        commandId: input.commandId ?? newCommandId(),
        actor: this.config.amqpCommandActor,
      });
      // A refused command is a final answer, not a failure to retry: it is acked like an accepted one.
      channel.ack(message);
      return amqpReply(outcome);
    } catch (error) {
      if (error instanceof ProblemException) {
        // A message of the wrong shape: also final.
        channel.ack(message);
        return { ok: false, problem: error.problem };
      }
      logger.error(`${type} failed: ${(error as Error).stack ?? String(error)}`);
      channel.nack(message, false, false);
      return {
        ok: false,
        problem: { type: 'about:blank', title: 'Internal error', status: 500, code: 'INTERNAL.ERROR' },
      };
    }
  }
}

/** One @MessagePattern handler per pattern of the command table, on one controller. */
function amqpCommandsController(): Type {
  class AmqpCommandsController extends AmqpCommandsHandler {}
  Reflect.defineMetadata('design:paramtypes', [CommandRunner, Object], AmqpCommandsController);
  Inject(APP_CONFIG)(AmqpCommandsController, undefined, 1);
  const prototype = AmqpCommandsController.prototype as unknown as Record<string, unknown>;
  for (const [pattern, type] of AMQP_COMMAND_PATTERNS) {
    const handler = function (this: AmqpCommandsHandler, data: unknown, ctx: RmqContext) {
      return this.handle(type, data, ctx);
    };
    // Nest looks handler metadata up by the function's name, so it must be the property's.
    Object.defineProperty(handler, 'name', { value: pattern });
    prototype[pattern] = handler;
    Payload()(prototype, pattern, 0);
    Ctx()(prototype, pattern, 1);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, pattern)!;
    Reflect.decorate([MessagePattern(pattern)], prototype, pattern, descriptor);
  }
  Reflect.decorate([Controller()], AmqpCommandsController);
  return AmqpCommandsController;
}

export const AmqpCommandsController = amqpCommandsController();
