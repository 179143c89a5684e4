import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { csvLines, exportLines } from '@ledger/audit';
import { projectStreamId } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { CLOCK, Clock, QueryParams, Roles } from '@ledger/platform';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';
import { invalidQuery, projectNotFound } from './audit-problems';

const FORMATS = {
  ndjson: { type: 'application/x-ndjson; charset=utf-8', lines: exportLines },
  csv: { type: 'text/csv; charset=utf-8', lines: csvLines },
} as const;

/** Ids are free text: keep the download's file name to safe characters. */
const fileStem = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * One project's audit export over HTTP: the same lines as `npm run audit -- export --project <id>`
 * (libs/audit's writer), so `verify-export` checks a download exactly like a CLI export.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects')
@Roles('auditor')
export class ProjectExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/audit-export')
  @QueryParams('format')
  @ApiOperation({
    summary: "A project's audit export: NDJSON with its checkpoint proof (verifiable offline), or CSV",
  })
  @ApiParam({ name: 'id', description: 'Projects ID', example: 'TC.0789' })
  @ApiQuery({ name: 'format', required: false, enum: Object.keys(FORMATS), description: 'Default ndjson' })
  @ApiProduces(FORMATS.ndjson.type, FORMATS.csv.type)
  @ApiProblems({ 400: ['QUERY.INVALID_PARAMETER'], 404: ['PROJECT.NOT_FOUND'] })
  async export(@Param('id') id: string, @Query('format') raw: unknown): Promise<StreamableFile> {
    const format = raw === undefined ? 'ndjson' : raw;
    if (format !== 'ndjson' && format !== 'csv') {
      throw invalidQuery([
        { field: 'format', code: 'NOT_IN_LIST', message: 'format must be one of ndjson, csv.' },
      ]);
    }
    if ((await this.store.readStream(projectStreamId(id))).length === 0) throw projectNotFound(id);
    const { type, lines } = FORMATS[format];
    const source = lines(this.store, { projectId: id, now: this.clock.now() });
    const body = Readable.from(
      (async function* () {
        for await (const line of source) yield `${typeof line === 'string' ? line : JSON.stringify(line)}\n`;
      })(),
    );
    return new StreamableFile(body, {
      type,
      disposition: `attachment; filename="${fileStem(id)}.${format}"`,
    });
  }
}
