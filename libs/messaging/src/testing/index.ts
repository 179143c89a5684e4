export * from './broker.lock';
export * from './amqp-test.kit';
