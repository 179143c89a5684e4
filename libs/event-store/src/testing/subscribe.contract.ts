import { EventStoreClosedError, type EventStore } from '../event-store.port';
import { anEvent, events, range, settlesWithin, sleep, SubscriptionProbe } from './contract.fixtures';

export function subscribeContract(store: () => EventStore): void {
  describe('subscribe', () => {
    const probes: SubscriptionProbe[] = [];
    const probe = (options?: Parameters<EventStore['subscribe']>[0]) => {
      const p = new SubscriptionProbe(store().subscribe(options));
      probes.push(p);
      return p;
    };
    afterEach(async () => {
      await Promise.all(probes.splice(0).map((p) => p.subscription.close()));
    });

    it('catches up on stored events (across several pages) then delivers live ones, without gaps or repeats', async () => {
      await store().append('project-a', events(1200), 'no-stream');
      const p = probe();
      await p.waitFor(1200);
      await store().append('project-b', events(3), 'no-stream');
      await store().append('project-a', events(2), 'any');
      await p.waitFor(1205);
      await sleep(150);
      expect(p.positions()).toEqual(range(1, 1205));
      expect(p.error).toBeUndefined();
    });

    it('keeps global order when appends land while it is still catching up', async () => {
      await store().append('project-a', events(600), 'no-stream');
      const p = probe();
      const writers = range(1, 20).map((i) => store().append(`project-${i}`, events(5), 'no-stream'));
      await Promise.all(writers);
      await p.waitFor(700);
      await sleep(150);
      expect(p.positions()).toEqual(range(1, 700));
    });

    it('resumes strictly after a checkpoint', async () => {
      await store().append('project-a', events(5), 'no-stream');
      const p = probe({ fromPosition: 3 });
      await p.waitFor(2);
      await store().append('project-a', events(1), 4);
      await p.waitFor(3);
      expect(p.positions()).toEqual([4, 5, 6]);
    });

    it('waits at the head when the checkpoint is the head, then delivers the next append', async () => {
      await store().append('project-a', events(2), 'no-stream');
      const p = probe({ fromPosition: 2 });
      await sleep(100);
      expect(p.received).toEqual([]);
      await store().append('project-a', events(1), 1);
      await p.waitFor(1);
      expect(p.positions()).toEqual([3]);
    });

    it('delivers only events matching its filter, live and caught up', async () => {
      await store().append('project-a', [anEvent('Created'), anEvent('Started')], 'no-stream');
      await store().append('audit-a', [anEvent('Created')], 'no-stream');
      const p = probe({ filter: { streamPrefixes: ['project-'], eventTypes: ['Created'] } });
      await store().append('project-b', [anEvent('Started'), anEvent('Created')], 'no-stream');
      await p.waitFor(2);
      await sleep(150);
      expect(p.received.map((e) => [e.position, e.streamId, e.type])).toEqual([
        [1, 'project-a', 'Created'],
        [5, 'project-b', 'Created'],
      ]);
    });

    it('ends a waiting iteration promptly on close, and delivers nothing afterwards', async () => {
      await store().append('project-a', events(1), 'no-stream');
      const p = probe();
      await p.waitFor(1);
      await p.subscription.close();
      expect(await settlesWithin(p.ended, 1000)).toBe(true);
      await store().append('project-a', events(1), 0);
      await sleep(150);
      expect(p.positions()).toEqual([1]);
      expect(p.error).toBeUndefined();
    });

    it('closes when the consumer breaks out of the loop', async () => {
      await store().append('project-a', events(3), 'no-stream');
      const subscription = store().subscribe();
      const seen: number[] = [];
      for await (const event of subscription) {
        seen.push(event.position);
        if (seen.length === 2) break;
      }
      const next = subscription[Symbol.asyncIterator]().next();
      expect(await settlesWithin(next, 1000)).toBe(true);
      await expect(next).resolves.toEqual({ value: undefined, done: true });
      expect(seen).toEqual([1, 2]);
    });

    it('serves independent subscribers each with the full sequence', async () => {
      const [p1, p2] = [probe(), probe({ fromPosition: 1 })];
      await store().append('project-a', events(4), 'no-stream');
      await Promise.all([p1.waitFor(4), p2.waitFor(3)]);
      expect(p1.positions()).toEqual([1, 2, 3, 4]);
      expect(p2.positions()).toEqual([2, 3, 4]);
    });
  });

  describe('close', () => {
    it('ends a subscription that is still catching up cleanly, without an error', async () => {
      await store().append('project-a', events(1200), 'no-stream');
      const p = new SubscriptionProbe(store().subscribe());
      await p.waitFor(500); // one page: the subscription is between page reads now
      await store().close();
      expect(await settlesWithin(p.ended, 1000)).toBe(true);
      expect(p.error).toBeUndefined();
      expect(p.received.length).toBeLessThan(1200);
    });

    it('ends live subscriptions and rejects later calls with EventStoreClosedError', async () => {
      const p = new SubscriptionProbe(store().subscribe());
      await store().append('project-a', events(1), 'no-stream');
      await p.waitFor(1);
      await store().close();
      expect(await settlesWithin(p.ended, 1000)).toBe(true);
      await expect(store().append('project-a', events(1), 'any')).rejects.toBeInstanceOf(
        EventStoreClosedError,
      );
      await expect(store().readAll()).rejects.toBeInstanceOf(EventStoreClosedError);
    });
  });
}
