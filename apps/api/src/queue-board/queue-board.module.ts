import { Module } from '@nestjs/common';

import { AccountsModule } from '@app/accounts';

import { QueueBoardPasses } from './queue-board-passes';
import { QueueBoardController } from './queue-board.controller';

/** The ticket endpoint and the passes; `mountQueueBoard` serves the board itself. */
@Module({
  imports: [AccountsModule],
  controllers: [QueueBoardController],
  providers: [QueueBoardPasses],
  exports: [QueueBoardPasses],
})
export class QueueBoardModule {}
