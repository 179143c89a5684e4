import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SigningKey } from '@ledger/audit';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { Public, QueryParams, Roles } from '@ledger/platform';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';
import { intParam } from './audit-problems';
import { AUDIT_SIGNING_KEY } from './audit.tokens';
import { CheckpointService } from './checkpoint.service';

const MAX_PAGE = 1000;

/** The global log, signed checkpoints and the key that verifies them. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: SigningKey,
    private readonly checkpoints: CheckpointService,
  ) {}

  /** Public on purpose: anyone holding an export must be able to check it against the published key. */
  @Get('public-key')
  @Public()
  @ApiOperation({
    summary: 'The Ed25519 public key (SPKI PEM) and key id that verify signed checkpoints; public on purpose',
  })
  publicKey() {
    return { keyId: this.key.keyId, algorithm: 'Ed25519', publicKeyPem: this.key.publicKeyPem };
  }

  @Post('checkpoints')
  @HttpCode(201)
  @Roles('auditor')
  @QueryParams()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign a checkpoint of every stream head now (stored in the audit-checkpoints stream)',
  })
  async checkpoint() {
    const written = await this.checkpoints.now();
    return { ...written.checkpoint, eventPosition: written.eventPosition, revision: written.revision };
  }

  /** Every event of every stream in commit order; pass nextPosition back as fromPosition. */
  @Get('events')
  @Roles('auditor')
  @QueryParams('fromPosition', 'limit')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'The global log in commit order, paged; pass nextPosition back as fromPosition (null at the head)',
  })
  @ApiQuery({
    name: 'fromPosition',
    required: false,
    description: 'Exclusive; default 0',
    schema: { type: 'integer', minimum: 0 },
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: 'Default 100',
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
  })
  @ApiProblems({ 400: ['QUERY.INVALID_PARAMETER'] })
  async events(@Query('fromPosition') fromRaw: unknown, @Query('limit') limitRaw: unknown) {
    const fromPosition = intParam('fromPosition', fromRaw, 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam('limit', limitRaw, 100, 1, MAX_PAGE);
    const [events, headPosition] = await Promise.all([
      this.store.readAll({ fromPosition, limit }),
      this.store.headPosition(),
    ]);
    const last = events.length > 0 ? events[events.length - 1].position : fromPosition;
    return {
      events: events.map(({ position, streamId, revision, eventId, type, data, metadata }) => ({
        position,
        streamId,
        revision,
        eventId,
        type,
        data,
        metadata,
      })),
      nextPosition: last < headPosition ? last : null,
      headPosition,
    };
  }
}
