export * from './command-api.module';
export { AmqpCommandsModule, connectAmqpCommands } from './amqp/amqp-commands.module';
export { AuditModule } from './audit/audit.module';
