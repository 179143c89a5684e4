import { appendContract } from './append.contract';
import { EventStoreFactory, useStore } from './contract.fixtures';
import { readContract } from './read.contract';
import { subscribeContract } from './subscribe.contract';

export type { EventStoreFactory } from './contract.fixtures';

/**
 * The behaviour every EventStore adapter must show. Call it at the top level of an adapter's spec file;
 * `factory` must return a fresh, empty store per call, and `cleanup` must release it (closing it twice is fine).
 */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const store = useStore(factory);
    appendContract(store);
    readContract(store);
    subscribeContract(store);
  });
}
