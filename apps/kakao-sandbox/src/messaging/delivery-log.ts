export type DeliveryChannel = 'memo' | 'friends';

export interface Delivery {
  messageId: string;
  templateRef: number;
  senderId: number;
  recipientId: number;
  sentAt: number;
  channel: DeliveryChannel;
}

export interface DeliveryLogSnapshot {
  length: number;
  templateRef: number[];
  senderId: number[];
  recipientId: number[];
  sentAt: number[];
  channel: number[];
}

const MESSAGE_ID_PATTERN = /^msg_[0-9a-z]{1,12}$/;
const INITIAL_CAPACITY = 1024;

/**
 * Every delivered message, one row per recipient, in typed-array columns: a million deliveries
 * take about 21 MB instead of a million objects. The message id encodes the row number.
 */
export class DeliveryLog {
  private size = 0;
  private templateRef = new Uint32Array(INITIAL_CAPACITY);
  private senderId = new Uint32Array(INITIAL_CAPACITY);
  private recipientId = new Uint32Array(INITIAL_CAPACITY);
  private sentAt = new Float64Array(INITIAL_CAPACITY);
  private channel = new Uint8Array(INITIAL_CAPACITY);

  get length(): number {
    return this.size;
  }

  /** Appends a delivery and answers its row number. */
  append(
    templateRef: number,
    senderId: number,
    recipientId: number,
    sentAt: number,
    channel: DeliveryChannel,
  ): number {
    if (this.size === this.templateRef.length) {
      this.grow(this.size * 2);
    }
    const row = this.size;
    this.templateRef[row] = templateRef;
    this.senderId[row] = senderId;
    this.recipientId[row] = recipientId;
    this.sentAt[row] = sentAt;
    this.channel[row] = channel === 'memo' ? 0 : 1;
    this.size += 1;
    return row;
  }

  get(row: number): Delivery | undefined {
    if (!Number.isInteger(row) || row < 0 || row >= this.size) {
      return undefined;
    }
    return {
      messageId: DeliveryLog.messageIdOf(row),
      templateRef: this.templateRef[row],
      senderId: this.senderId[row],
      recipientId: this.recipientId[row],
      sentAt: this.sentAt[row],
      channel: this.channel[row] === 0 ? 'memo' : 'friends',
    };
  }

  static messageIdOf(row: number): string {
    return `msg_${(row + 1).toString(36)}`;
  }

  /** Row of a message id, or -1 when the id is not one the sandbox issued. */
  static rowOf(messageId: string): number {
    if (!MESSAGE_ID_PATTERN.test(messageId)) {
      return -1;
    }
    return parseInt(messageId.slice(4), 36) - 1;
  }

  toJSON(): DeliveryLogSnapshot {
    return {
      length: this.size,
      templateRef: Array.from(this.templateRef.subarray(0, this.size)),
      senderId: Array.from(this.senderId.subarray(0, this.size)),
      recipientId: Array.from(this.recipientId.subarray(0, this.size)),
      sentAt: Array.from(this.sentAt.subarray(0, this.size)),
      channel: Array.from(this.channel.subarray(0, this.size)),
    };
  }

  static fromSnapshot(snapshot: DeliveryLogSnapshot): DeliveryLog {
    const log = new DeliveryLog();
    log.grow(Math.max(INITIAL_CAPACITY, snapshot.length));
    log.templateRef.set(snapshot.templateRef);
    log.senderId.set(snapshot.senderId);
    log.recipientId.set(snapshot.recipientId);
    log.sentAt.set(snapshot.sentAt);
    log.channel.set(snapshot.channel);
    log.size = snapshot.length;
    return log;
  }

  private grow(capacity: number): void {
    const grow = <T extends Uint32Array | Float64Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.size));
      return next;
    };
    this.templateRef = grow(this.templateRef, (n) => new Uint32Array(n));
    this.senderId = grow(this.senderId, (n) => new Uint32Array(n));
    this.recipientId = grow(this.recipientId, (n) => new Uint32Array(n));
    this.sentAt = grow(this.sentAt, (n) => new Float64Array(n));
    this.channel = grow(this.channel, (n) => new Uint8Array(n));
  }
}
