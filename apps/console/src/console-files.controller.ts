import { Controller, Get, Header, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { APP_CONFIG, type AppConfig, problem, Public } from '@ledger/platform';

/**
 * Serves the built web console (static files written by `vite build`) at /console. Everything about
 * serving it lives in this one file, through Nest's own abstractions (StreamableFile, @Header); only the
 * wildcard route (`*`, its rest of the path in the `*` parameter) is in Fastify's notation.
 *
 * The console's Content-Security-Policy replaces the API's helmet default on these responses only: the
 * same 'self'-only scripts and styles, no inline script, and no `upgrade-insecure-requests`, so the
 * console also loads on a plain-HTTP address other than localhost. Nothing is fetched from elsewhere.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where `npm run build` puts the console, seen from this file compiled (dist/apps/console/src) or not. */
const DEFAULT_DIRS = [join(__dirname, '../../../console'), join(__dirname, '../../../dist/console')];

@ApiExcludeController()
@Public()
@Controller('console')
export class ConsoleFilesController {
  private readonly root: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const candidates = config.consoleDir ? [config.consoleDir] : DEFAULT_DIRS;
    this.root = candidates.map((dir) => resolve(dir)).find((dir) => existsSync(join(dir, 'index.html')));
  }

  @Get()
  @Header('Content-Security-Policy', CONSOLE_CSP)
  @Header('Cache-Control', 'no-cache')
  index(): StreamableFile {
    return this.send('index.html');
  }

  /** A file of the build, or the page itself for any other path (the console's own routes). */
  @Get('*')
  @Header('Content-Security-Policy', CONSOLE_CSP)
  @Header('Cache-Control', 'no-cache')
  file(@Param('*') relative: string): StreamableFile {
    return this.send(extname(relative) === '' ? 'index.html' : relative);
  }

  private send(relative: string): StreamableFile {
    if (!this.root) {
      throw problem(
        'CONSOLE.NOT_BUILT',
        'The web console has not been built: run `npm run build` (npm start does).',
      );
    }
    const file = resolve(this.root, relative);
    const type = TYPES[extname(file)];
    // resolve() folds any `..`: a path that leaves the build folder is simply not found.
    if (!file.startsWith(this.root + sep) || !type || !existsSync(file) || !statSync(file).isFile()) {
      throw problem('CONSOLE.NOT_FOUND', 'No such file in the console.');
    }
    return new StreamableFile(createReadStream(file), { type, length: statSync(file).size });
  }
}
