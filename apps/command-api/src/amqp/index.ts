export * from './amqp-command.message';
export * from './amqp-command.parser';
export * from './amqp-commands.controller';
export * from './amqp-commands.module';
