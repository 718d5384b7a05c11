import {
  TASK_STATUS_FILTERS,
  type TaskPageQuery,
  type TaskStatusFilter,
  TASKS_TOKEN,
} from '@app/kakao-sandbox/calendar/tasks.service';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { decodePageToken, tokenNumber, tokenString } from '@app/kakao-sandbox/paging/page-token';
import { EVENT_LIMIT, parseLimit } from '@app/kakao-sandbox/validation/list-window';
import type { RequestParams } from '@app/kakao-sandbox/validation/params';
import { parseTaskCreate, parseTaskPatch } from '@app/kakao-sandbox/validation/task-input';

const LIST_PATH = '/v1/api/calendar/tasks';

function statusFilter(value: string | undefined): TaskStatusFilter {
  const status = value ?? 'ALL';
  if (!(TASK_STATUS_FILTERS as readonly string[]).includes(status)) {
    throw invalidParam(`task_status must be one of ${TASK_STATUS_FILTERS.join(', ')}`);
  }
  return status as TaskStatusFilter;
}

function taskPageQuery(params: RequestParams): TaskPageQuery {
  const token = params.optionalString('next_page_token');
  if (token === undefined) {
    return {
      status: statusFilter(params.optionalString('task_status')),
      limit: parseLimit(params, EVENT_LIMIT),
      offset: 0,
    };
  }
  const query = decodePageToken(TASKS_TOKEN, token);
  const limit = tokenNumber(query, 'l');
  const offset = tokenNumber(query, 'o');
  if (limit < EVENT_LIMIT.min || limit > EVENT_LIMIT.max || offset < 0) {
    throw invalidParam('next_page_token is invalid');
  }
  return { status: statusFilter(tokenString(query, 's')), limit, offset };
}

function completeFlag(params: RequestParams): boolean {
  const complete = params.optionalBoolean('complete');
  if (complete === undefined) {
    throw invalidParam('complete is required (true or false)');
  }
  return complete;
}

/** Tasks (4.21–4.26). */
export function registerTaskRoutes(kit: RouteKit): void {
  const { gate, tasks } = kit.services;
  const caller = (authorization: string | undefined) =>
    gate.calendarUser(authorization, 'talkCalendarTask');

  kit.post('/v1/api/calendar/create/task', (request, params) =>
    tasks.create(
      caller(request.headers.authorization),
      parseTaskCreate(params.requiredJson('task')),
    ),
  );

  kit.get(LIST_PATH, (request, params) =>
    tasks.list(caller(request.headers.authorization), taskPageQuery(params), {
      baseUrl: kit.baseUrl(request),
      path: LIST_PATH,
    }),
  );

  kit.get('/v1/api/calendar/task/records', (request, params) =>
    tasks.records(caller(request.headers.authorization), params.requiredString('task_id')),
  );

  kit.post('/v1/api/calendar/update/task', (request, params) =>
    tasks.update(
      caller(request.headers.authorization),
      params.requiredString('task_id'),
      parseTaskPatch(params.requiredJson('task')),
    ),
  );

  kit.post('/v1/api/calendar/complete/task', (request, params) =>
    tasks.complete(
      caller(request.headers.authorization),
      params.requiredString('task_id'),
      completeFlag(params),
    ),
  );

  kit.delete('/v1/api/calendar/delete/task', (request, params) =>
    tasks.delete(caller(request.headers.authorization), params.requiredString('task_id')),
  );
}
