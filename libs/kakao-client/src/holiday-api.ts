// Holidays and notable days (contract 4.20, admin key).

import { type AdminCallOptions, type KakaoRequester } from './kakao-requester';
import { type Holiday, type HolidayQuery } from './kakao.types';
import { listOf } from './response-readers';
import { windowBound } from './time-grid';

const PATH = '/v2/api/calendar/holidays';

export class HolidayApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 4.20 Holidays whose day overlaps the window. */
  async listHolidays(query: HolidayQuery, options?: AdminCallOptions): Promise<Holiday[]> {
    const body = await this.requester.admin(
      'GET',
      PATH,
      { from: windowBound(query.from, 'from'), to: windowBound(query.to, 'to') },
      options,
    );
    return listOf(body.events);
  }
}
