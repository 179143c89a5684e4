import { createServer } from 'node:net';
import { StartupCheckError } from './startup-check.error';

export const portTakenProblem = (port: number): string =>
  `PORT ${port} is already in use by another process. Stop it, or set PORT to a free port (e.g. PORT=3001 npm start).`;

/**
 * Fails before anything is generated or opened when the HTTP port is taken, so a second start leaves no
 * keys, files or "started" lines behind. Binds like `app.listen(port)` (all interfaces) and lets go at once.
 * Port 0 (any free port) needs no check.
 */
export async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupCheckError(portTakenProblem(port))
          : new StartupCheckError(`PORT ${port} cannot be used: ${error.message}`),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/**
 * `app.listen` on every interface, as Node binds a port given no host (Fastify alone would bind localhost
 * only): `::` (IPv4 too, dual-stack), or `0.0.0.0` where IPv6 is off. The same clean message should the
 * port be taken between the check and the bind.
 */
export async function listenOn(
  app: { listen(port: number, host: string): Promise<unknown> },
  port: number,
): Promise<void> {
  try {
    await app.listen(port, '::').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EAFNOSUPPORT' || error.code === 'EADDRNOTAVAIL') return app.listen(port, '0.0.0.0');
      throw error;
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new StartupCheckError(portTakenProblem(port));
    throw error;
  }
}
