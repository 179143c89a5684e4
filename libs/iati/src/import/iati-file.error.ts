/** Raised for a file that is not IATI activity XML 2.0x at all: nothing of it can be imported. */
export class IatiFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IatiFileError';
  }
}
