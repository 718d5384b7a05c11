import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/**
 * Runs callbacks once the outermost transaction of a manager has committed, and drops them when
 * it rolls back: how rows written inside a transaction (an outbox row, a webhook delivery) get
 * their jobs queued only once they are visible, and never for a rollback. One per data source,
 * registered as its subscriber.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit {
  private readonly pending = new WeakMap<QueryRunner, (() => void)[]>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Schedules `callback` for after the commit of the manager's open transaction. */
  defer(manager: EntityManager, callback: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('AfterCommit.defer needs the EntityManager of an open transaction');
    }
    const callbacks = this.pending.get(runner) ?? [];
    callbacks.push(callback);
    this.pending.set(runner, callbacks);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint also "commits": wait for the outermost transaction.
    if (event.queryRunner.isTransactionActive) {
      return;
    }
    const callbacks = this.pending.get(event.queryRunner) ?? [];
    this.pending.delete(event.queryRunner);
    for (const callback of callbacks) {
      callback();
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      this.pending.delete(event.queryRunner);
    }
  }
}
