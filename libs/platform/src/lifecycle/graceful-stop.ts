import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { HealthRegistry } from '../health/health.registry';
import { drainFollowers } from './follower-drain';
import { HttpIntakeGate } from './http-intake.gate';

export interface GracefulStopOptions {
  /** The whole stop, from the signal to the exit, takes at most this long (STOP_TIMEOUT_MS). */
  timeoutMs: number;
  logger: Logger;
  /** Injected by tests; the default ends the process once the log lines are flushed. */
  exit?: (code: number) => void;
}

/** Time kept back from the drain for closing stores and connections. */
const closeReserve = (timeoutMs: number) => Math.min(2000, Math.floor(timeoutMs / 4));

const within = <T>(promise: Promise<T>, deadline: number): Promise<T | 'timeout'> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * Stops the transports of connected microservices (the AMQP command intake): unacknowledged messages go
 * back to the queue. Not `microservice.close()`: on a hybrid app that also runs the whole app's shutdown
 * hooks, which would stop the projector and relay before they drain.
 */
async function stopMessageIntake(app: INestApplication): Promise<void> {
  const servers = app
    .getMicroservices()
    .map((m) => (m as unknown as { serverInstance?: { close(): Promise<unknown> } }).serverInstance);
  await Promise.all(servers.map((server) => server?.close().catch(() => undefined)));
}

/**
 * SIGINT / SIGTERM stop the process in order, one log line per phase: refuse new requests at once (503 +
 * Connection: close, idle keep-alive connections closed, AMQP intake stopped), answer those in flight,
 * let the projector and the relay reach the head, close, exit. Everything acknowledged is already in the
 * store, so the bound and a second signal only cut the catching-up short, never an acknowledged command.
 * Call after `app.listen()`; it replaces Nest's own shutdown hooks.
 */
export function installGracefulStop(app: INestApplication, options: GracefulStopOptions): void {
  const { logger, timeoutMs } = options;
  const exit = options.exit ?? ((code: number) => logger.flush(() => process.exit(code)));
  const gate = new HttpIntakeGate(app.getHttpServer() as Server);
  let stopping = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(
        { phase: 'stop', signal },
        'stop: second signal, exiting now; acknowledged commands are stored and the projector and relay resume from their checkpoints',
      );
      gate.closeAll();
      exit(130);
      return;
    }
    stopping = true;
    void stop(signal).then(
      (code) => exit(code),
      (error: unknown) => {
        logger.error({ phase: 'stop', err: error }, 'stop: failed while closing; exiting');
        exit(1);
      },
    );
  };

  const stop = async (signal: NodeJS.Signals): Promise<number> => {
    const started = Date.now();
    const deadline = started + timeoutMs;
    const hardStop = setTimeout(() => {
      logger.error(
        { phase: 'stop', timeoutMs },
        `stop: not finished within STOP_TIMEOUT_MS=${timeoutMs}; exiting now (acknowledged commands are stored)`,
      );
      gate.closeAll();
      exit(1);
    }, timeoutMs);
    hardStop.unref();

    gate.close();
    await stopMessageIntake(app);
    logger.info(
      { phase: 'stop-intake', signal, inFlight: gate.pending, timeoutMs },
      `stop 1/4: ${signal} received; accepting no more commands (${gate.pending} in flight), done within ${timeoutMs} ms`,
    );

    const answered = await within(gate.drained(), deadline - closeReserve(timeoutMs));
    if (answered === 'timeout') {
      logger.warn(
        { phase: 'stop-in-flight', inFlight: gate.pending },
        'stop 2/4: requests still running, not waiting longer',
      );
    } else {
      logger.info({ phase: 'stop-in-flight' }, 'stop 2/4: every request in flight answered');
    }

    const drain = await drainFollowers(app.get(HealthRegistry), deadline - closeReserve(timeoutMs));
    logger.info(
      { phase: 'stop-drain', ...drain },
      drain.drained
        ? 'stop 3/4: projector and relay caught up with the head of the log'
        : `stop 3/4: not caught up in time (lag ${JSON.stringify(drain.lags)}); they resume from their checkpoints at the next start`,
    );

    gate.closeAll();
    await app.close();
    clearTimeout(hardStop);
    logger.info(
      { phase: 'stop-closed', ms: Date.now() - started },
      `stop 4/4: stopped in ${Date.now() - started} ms`,
    );
    return 0;
  };

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
