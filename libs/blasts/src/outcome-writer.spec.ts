import { type DeliveryOutcome } from './blast-ledger.repository';
import { DeliveryState } from './blast.enums';
import { OutcomeWriter } from './outcome-writer';
import { SendWindow } from './send-window';

function outcome(id: string, state = DeliveryState.Sent): DeliveryOutcome {
  return { id, state, kakaoCode: null, reason: null, sentAt: null };
}

describe('OutcomeWriter', () => {
  it('writes the first outcome at once and groups those that arrive during a write', async () => {
    const writes: string[][] = [];
    let finishWrite: () => void = () => undefined;
    const writer = new OutcomeWriter(async (outcomes) => {
      writes.push(outcomes.map((o) => o.id));
      await new Promise<void>((resolve) => (finishWrite = resolve));
      return new Map(outcomes.map((o) => [o.id, o.state]));
    });
    const first = writer.record([outcome('1')]);
    const second = writer.record([outcome('2'), outcome('3', DeliveryState.Failed)]);
    const third = writer.record([outcome('4')]);
    expect(writes).toEqual([['1']]);
    finishWrite();
    await expect(first).resolves.toEqual([DeliveryState.Sent]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([['1'], ['2', '3', '4']]);
    finishWrite();
    await expect(second).resolves.toEqual([DeliveryState.Sent, DeliveryState.Failed]);
    await expect(third).resolves.toEqual([DeliveryState.Sent]);
  });

  it('answers only the rows that moved, and passes a failed write to each waiting caller', async () => {
    let fail = false;
    const writer = new OutcomeWriter((outcomes) =>
      fail
        ? Promise.reject(new Error('Postgres is gone'))
        : Promise.resolve(new Map([[outcomes[0].id, outcomes[0].state]])),
    );
    await expect(writer.record([outcome('1'), outcome('2')])).resolves.toEqual([
      DeliveryState.Sent,
    ]);
    fail = true;
    await expect(writer.record([outcome('3')])).rejects.toThrow('Postgres is gone');
    fail = false;
    await expect(writer.record([outcome('4')])).resolves.toEqual([DeliveryState.Sent]);
  });
});

describe('SendWindow', () => {
  it('holds callers once its slots are taken and lets them in as slots come back', async () => {
    const window = new SendWindow(3);
    await window.acquire(2);
    let entered = false;
    const waiting = window.acquire(2).then(() => (entered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(entered).toBe(false);
    expect(window.inFlight).toBe(2);
    window.release(1);
    await waiting;
    expect(entered).toBe(true);
    expect(window.inFlight).toBe(3);
    window.release(3);
    expect(window.inFlight).toBe(0);
  });
});
