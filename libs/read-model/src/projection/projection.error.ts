/** Thrown for an event the projection cannot apply; the projector parks it. */
export class ProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionError';
  }
}
