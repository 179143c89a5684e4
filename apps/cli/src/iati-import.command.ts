import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import pino from 'pino';
import { CommandRunner, isRefused, refusalOf, type CommandOutcome } from '@ledger/commands';
import {
  importCorrelationId,
  importIatiXml,
  type ImportCommandExecutor,
  type ImportStep,
  type ImportSummary,
} from '@ledger/iati';
import { PinoNestLogger, createLogger, type AppConfig } from '@ledger/platform';
import type { CliCommand } from './cli-args';
import type { CliIo } from './cli-io';
import { CliImportModule } from './import-app.module';

/** Recorded as the actor of every imported event. */
export const IMPORT_ACTOR = 'cli:iati-import';

/** An outcome as the import counts it; a refusal is skipped with its code and sentence. */
function importStepOf(outcome: CommandOutcome): ImportStep {
  if (isRefused(outcome)) {
    const { code, detail } = refusalOf(outcome);
    return { refused: `${code}: ${detail}` };
  }
  return outcome.kind === 'accepted' ? 'appended' : 'already-present';
}

export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `Activities: ${summary.activities}; projects present: ${summary.projects}; events appended by ${summary.appended} command(s); ${summary.alreadyPresent} command(s) already imported.`,
  ];
  if (summary.skipped.length > 0) {
    lines.push(`Skipped (${summary.skipped.length}):`);
    for (const s of summary.skipped) lines.push(`  ${s.activity} ${s.element}: ${s.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Imports an IATI file through the command runner. Returns the exit code. */
export async function importIati(
  command: Extract<CliCommand, { kind: 'import-iati' }>,
  config: AppConfig,
  io: CliIo,
): Promise<number> {
  let xml: string;
  try {
    xml = readFileSync(command.file, 'utf8');
  } catch (error) {
    io.stderr(`Cannot read ${command.file}: ${(error as Error).message}\n`);
    return 1;
  }
  // Logs go to stderr at warn and above: the summary is the output.
  const logger = createLogger(
    config.logLevel === 'info' ? 'warn' : config.logLevel,
    pino.destination({ dest: 2, sync: true }),
  );
  const app = await NestFactory.createApplicationContext(CliImportModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  const bar = io.interactive
    ? new SingleBar(
        { stream: process.stderr, format: 'IATI import [{bar}] {value}/{total} activities' },
        Presets.shades_classic,
      )
    : null;
  try {
    const runner = app.get(CommandRunner);
    const execute: ImportCommandExecutor = async (planned) => {
      const outcome = await runner.execute({
        type: planned.type,
        projectId: planned.type === 'CreateProject' ? null : planned.projectId,
        body: planned.body,
        actor: IMPORT_ACTOR,
        commandId: planned.commandId,
        correlationId: importCorrelationId(planned.projectId),
      });
      return importStepOf(outcome);
    };
    let started = false;
    const summary = await importIatiXml(xml, execute, {
      region: command.region,
      onProgress: (done, total) => {
        if (!started) bar?.start(total, 0);
        started = true;
        bar?.update(done);
      },
    });
    bar?.stop();
    io.stdout(formatSummary(summary));
    return 0;
  } catch (error) {
    bar?.stop();
    if ((error as Error).name === 'IatiFileError') {
      io.stderr(`${command.file}: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}
