import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { ProjectionPosition } from './projection-position';

/** Adds X-Projection-Position to error responses of the query routes (success paths stamp their own). */
@Injectable()
export class ProjectionPositionInterceptor implements NestInterceptor {
  constructor(private readonly position: ProjectionPosition) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.position.stampProblem(error)).pipe(mergeMap((stamped) => throwError(() => stamped))),
        ),
      );
  }
}
