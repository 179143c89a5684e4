export { eventStoreContract } from './event-store.contract';
export type { EventStoreFactory } from './event-store.contract';
export { anEvent, events, SubscriptionProbe } from './contract.fixtures';
