import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentSessionId, CurrentUser, RequireOperator } from '@app/access';
import { type AuthenticatedUser } from '@app/accounts';

import { QueueBoardPasses } from './queue-board-passes';
import { QUEUE_BOARD_PATH } from './queue-board.constants';

export interface QueueBoardTicketResponse {
  /** Open this URL (same origin) within a minute: it sets the board's cookie and shows the board. */
  url: string;
  expiresAt: string;
}

@ApiTags('queue-board')
@Controller('queue-board')
export class QueueBoardController {
  constructor(private readonly passes: QueueBoardPasses) {}

  /**
   * A one-time ticket to open the queue board. Operators only: the board shows and controls
   * every channel's jobs, so no channel role grants it. The board closes with this session.
   */
  @Post('ticket')
  @HttpCode(201)
  @RequireOperator()
  async ticket(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentSessionId() sessionId: string,
  ): Promise<QueueBoardTicketResponse> {
    const { ticket, expiresAt } = await this.passes.issueTicket({ userId: user.id, sessionId });
    return {
      url: `${QUEUE_BOARD_PATH}?${new URLSearchParams({ ticket }).toString()}`,
      expiresAt: expiresAt.toISOString(),
    };
  }
}
