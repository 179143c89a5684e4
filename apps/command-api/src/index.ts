export * from './command-api.module';
export * from './commands/project-command.service';
export * from './commands/command-result';
export * from './commands/command-ids';
