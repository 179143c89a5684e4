import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import pino from 'pino';
import { CommandRunner, isRefused, refusalOf, type CommandOutcome } from '@ledger/commands';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import {
  importCorrelationId,
  importIatiXml,
  keepIatiSource,
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

/** How the summary names what an activity's commands put into the project's fields. */
const HELD_NAMES: Record<keyof ImportSummary['report'][number]['held'], string> = {
  participatingOrgs: 'participating organisation(s)',
  sectors: 'sector(s)',
  recipientCountries: 'recipient-country share(s)',
  locations: 'location(s)',
  transactions: 'transaction(s)',
  reversals: 'reversal(s)',
};

/** The printed summary: the counts, then per activity what was derived, kept, refused and personal. */
export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `Activities: ${summary.activities}; projects present: ${summary.projects}; events appended by ${summary.appended} command(s); ${summary.alreadyPresent} command(s) already imported; ${summary.sourcesKept} kept source record(s) written.`,
  ];
  for (const a of summary.report) {
    lines.push(`${a.activity}${a.projectId ? ` -> ${a.projectId}` : ''}: ${a.outcome}`);
    for (const note of a.notes) lines.push(`  note: ${note}`);
    const held = Object.entries(a.held).filter(([, n]) => n > 0);
    if (held.length > 0)
      lines.push(
        `  held in fields: ${held.map(([what, n]) => `${n} ${HELD_NAMES[what as keyof typeof a.held]}`).join(', ')}`,
      );
    if (a.outcome === 'imported' && a.kept.length > 0)
      lines.push(`  kept verbatim: ${[...new Set(a.kept)].join(', ')}`);
    for (const r of a.refused) lines.push(`  refused ${r.element}: ${r.reason}`);
    for (const p of a.personalData) lines.push(`  personal data ${p.element}: ${p.value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The --report document: the counts and the per-activity report. */
export function reportJson(file: string, summary: ImportSummary) {
  return {
    file,
    root: summary.file?.root ?? null,
    version: summary.file?.version ?? null,
    refusedFileAttributes: summary.file?.foreignAttributes ?? [],
    activities: summary.activities,
    projects: summary.projects,
    appended: summary.appended,
    alreadyPresent: summary.alreadyPresent,
    sourcesKept: summary.sourcesKept,
    report: summary.report,
  };
}

/** Imports an IATI file through the command runner. Returns the exit code. */
export async function importIati(
  command: Extract<CliCommand, { kind: 'import-iati' }>,
  config: AppConfig,
  io: CliIo,
): Promise<number> {
  let size: number;
  try {
    size = statSync(command.file).size;
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
        { stream: process.stderr, format: 'IATI import [{bar}] {percentage}% | {activities} activities' },
        Presets.shades_classic,
      )
    : null;
  try {
    const runner = app.get(CommandRunner);
    const store = app.get<EventStore>(EVENT_STORE);
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
    // The file is streamed (one activity in memory at a time); progress is the share of bytes read.
    const stream = createReadStream(command.file);
    bar?.start(Math.max(size, 1), 0, { activities: 0 });
    const summary = await importIatiXml(stream, execute, {
      region: command.region,
      keepSource: (projectId, data) => keepIatiSource(store, projectId, data, IMPORT_ACTOR),
      onProgress: (done) => bar?.update(stream.bytesRead, { activities: done }),
    });
    bar?.update(Math.max(size, 1));
    bar?.stop();
    io.stdout(formatSummary(summary));
    if (command.report)
      writeFileSync(command.report, `${JSON.stringify(reportJson(command.file, summary), null, 2)}\n`);
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
