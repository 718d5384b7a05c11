import { DeliveryLog } from '@app/kakao-sandbox/messaging/delivery-log';

describe('DeliveryLog', () => {
  it('stores rows in columns, grows, and maps message ids to rows', () => {
    const log = new DeliveryLog();
    for (let index = 0; index < 3000; index += 1) {
      log.append(
        index % 7,
        1000 + index,
        2000 + index,
        1_900_000_000_000 + index,
        index % 2 === 0 ? 'memo' : 'friends',
      );
    }
    expect(log.length).toBe(3000);
    const row = log.get(2500);
    expect(row).toEqual({
      messageId: DeliveryLog.messageIdOf(2500),
      templateRef: 2500 % 7,
      senderId: 3500,
      recipientId: 4500,
      sentAt: 1_900_000_002_500,
      channel: 'memo',
    });
    expect(DeliveryLog.rowOf(row?.messageId ?? '')).toBe(2500);
    expect(log.get(3000)).toBeUndefined();
    expect(DeliveryLog.rowOf('msg_!')).toBe(-1);
    expect(DeliveryLog.rowOf('nope')).toBe(-1);
  });

  it('survives a snapshot round trip', () => {
    const log = new DeliveryLog();
    log.append(3, 10, 20, 30, 'friends');
    const restored = DeliveryLog.fromSnapshot(
      JSON.parse(JSON.stringify(log)) as ReturnType<DeliveryLog['toJSON']>,
    );
    expect(restored.get(0)).toEqual(log.get(0));
    expect(restored.length).toBe(1);
  });
});
