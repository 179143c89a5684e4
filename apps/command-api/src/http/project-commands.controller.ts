import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ProjectCommandType } from '@ledger/domain';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ledger/platform';
import type { CommandResult } from '../commands/command-result';
import { HttpCommandRunner } from './http-command.runner';
import { ApiCommand } from './project-commands.openapi';

/** Lifecycle commands. Each route only names its command; the runner and the domain do the rest. */
@ApiTags('commands')
@ApiBearerAuth()
@Controller('projects')
@Roles('publisher')
export class ProjectCommandsController {
  constructor(private readonly runner: HttpCommandRunner) {}

  @Post()
  @ApiCommand('CreateProject')
  create(@CurrentPrincipal() who: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.runner.run('CreateProject', null, who, req, res);
  }

  @Post(':id/start')
  @ApiCommand('StartProject')
  @HttpCode(200)
  start(
    @Param('id') id: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.on('StartProject', id, who, req, res);
  }

  @Post(':id/complete')
  @ApiCommand('CompleteProject')
  @HttpCode(200)
  complete(
    @Param('id') id: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.on('CompleteProject', id, who, req, res);
  }

  @Post(':id/suspend')
  @ApiCommand('SuspendProject')
  @HttpCode(200)
  suspend(
    @Param('id') id: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.on('SuspendProject', id, who, req, res);
  }

  @Post(':id/resume')
  @ApiCommand('ResumeProject')
  @HttpCode(200)
  resume(
    @Param('id') id: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.on('ResumeProject', id, who, req, res);
  }

  @Post(':id/cancel')
  @ApiCommand('CancelProject')
  @HttpCode(200)
  cancel(
    @Param('id') id: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.on('CancelProject', id, who, req, res);
  }

  @Post(':id/extend')
  @ApiCommand('ExtendProject')
  @HttpCode(200)
  extend(
    @Param('id') id: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.on('ExtendProject', id, who, req, res);
  }

  @Post(':id/budget-revisions')
  @ApiCommand('ReviseProjectBudget')
  @HttpCode(200)
  reviseBudget(
    @Param('id') id: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.on('ReviseProjectBudget', id, who, req, res);
  }

  private on(
    type: ProjectCommandType,
    id: string,
    who: Principal,
    req: Request,
    res: Response,
  ): Promise<CommandResult> {
    return this.runner.run(type, id, who, req, res);
  }
}
