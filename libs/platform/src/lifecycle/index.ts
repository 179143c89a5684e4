export * from './data-dir.lock';
export * from './graceful-stop';
export * from './http-intake.gate';
export * from './port.check';
export * from './start-banner';
export * from './startup-check.error';
export * from './key-notice';
export * from './serve-app';
