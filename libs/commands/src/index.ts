export * from './command-outcome';
export * from './command-result';
export * from './command-runner';
export * from './command-table';
export type { CommandDocs, JsonSchema } from './command-docs';
export { commandIdFromKey, newCommandId } from './command-ids';
export { CommandsModule } from './commands.module';
export * from './command-refusal';
