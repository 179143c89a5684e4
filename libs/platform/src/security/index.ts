export * from './security.config';
export * from './jwt.verifier';
export * from './rate-limit.guard';
export * from './strict-query.guard';
export * from './http-security';
export * from './security.providers';
export * from './json-depth';
