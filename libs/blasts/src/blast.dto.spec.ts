import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { CreateBlastDto } from './blast.dto';

function body(message: Record<string, unknown>, extra: Record<string, unknown> = {}): object {
  return {
    name: 'Pop-up',
    message: { idType: 'event', campaignId: '7c2a4b1e-1d1f-4c57-9a53-1f0c2f7d9a11', ...message },
    audienceId: '0b5f3c9e-6a55-4d8e-8f4b-2d5c4e6f7a80',
    schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
    ratePerSecond: 10,
    ...extra,
  };
}

describe('CreateBlastDto message tracking', () => {
  it('tracks clicks of a send-to-me blast unless told not to', async () => {
    const dto = plainToInstance(CreateBlastDto, body({}));
    expect(await validate(dto)).toEqual([]);
    expect(dto.message.tracking).toBe(true);
    const explicit = plainToInstance(CreateBlastDto, body({}, { deliveryMode: 'send_to_me' }));
    expect(explicit.message.tracking).toBe(true);
  });

  it('keeps an explicit choice', () => {
    expect(plainToInstance(CreateBlastDto, body({ tracking: false })).message.tracking).toBe(false);
    expect(
      plainToInstance(CreateBlastDto, body({ tracking: true }, { deliveryMode: 'friends' })).message
        .tracking,
    ).toBe(true);
  });

  it('leaves friends-mode blasts untracked, as one template serves several people', () => {
    const dto = plainToInstance(CreateBlastDto, body({}, { deliveryMode: 'friends' }));
    expect(dto.message.tracking).toBe(false);
  });

  it('still refuses a null choice', async () => {
    const dto = plainToInstance(CreateBlastDto, body({ tracking: null }));
    const errors = await validate(dto);
    expect(errors.map((error) => error.property)).toContain('message');
  });
});
