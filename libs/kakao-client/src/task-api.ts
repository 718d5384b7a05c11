// Tasks (contract 4.21–4.26), all with the user's access token and `talk_calendar_task` consent.

import { type CallOptions, type KakaoRequester } from './kakao-requester';
import { type JsonObject } from './kakao-response';
import {
  type Task,
  type TaskCreate,
  type TaskListQuery,
  type TaskPage,
  type TaskRecords,
  type TaskUpdate,
} from './kakao.types';
import { followPages, itemsOfPages, pageCursor } from './paging';
import { TASK_SHAPE } from './request-shapes';
import { echoedId, listOf, optionalText } from './response-readers';
import { paramsOfUrl } from './wire-encoding';
import { pickShape } from './wire-shape';

const PATH = {
  create: '/v1/api/calendar/create/task',
  list: '/v1/api/calendar/tasks',
  records: '/v1/api/calendar/task/records',
  update: '/v1/api/calendar/update/task',
  complete: '/v1/api/calendar/complete/task',
  delete: '/v1/api/calendar/delete/task',
} as const;

export class TaskApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 4.21 Creates a task; answers its id. */
  async createTask(accessToken: string, task: TaskCreate, call?: CallOptions): Promise<string> {
    const body = await this.requester.user(
      accessToken,
      'POST',
      PATH.create,
      { task: pickShape(task, TASK_SHAPE) },
      call,
    );
    return echoedId(body, 'task_id', PATH.create);
  }

  /** 4.22 One page of tasks. */
  async listTasks(
    accessToken: string,
    query?: TaskListQuery,
    call?: CallOptions,
  ): Promise<TaskPage> {
    const params = { task_status: query?.task_status, limit: query?.limit };
    return taskPage(await this.requester.user(accessToken, 'GET', PATH.list, params, call));
  }

  /** 4.22 The page an `after_url` points to. */
  async listTasksAfter(
    accessToken: string,
    afterUrl: string,
    call?: CallOptions,
  ): Promise<TaskPage> {
    const params = paramsOfUrl(afterUrl);
    return taskPage(await this.requester.user(accessToken, 'GET', PATH.list, params, call));
  }

  /** 4.22 Every task of the query, following `after_url`. */
  tasks(
    accessToken: string,
    query?: TaskListQuery,
    call?: CallOptions,
  ): AsyncGenerator<Task, void, undefined> {
    const pages = followPages(
      () => this.listTasks(accessToken, query, call),
      (url) => this.listTasksAfter(accessToken, url, call),
    );
    return itemsOfPages(pages, (page) => page.tasks);
  }

  /** 4.23 Completion history of a repeating task. */
  async getTaskRecords(
    accessToken: string,
    taskId: string,
    call?: CallOptions,
  ): Promise<TaskRecords> {
    const body = await this.requester.user(
      accessToken,
      'GET',
      PATH.records,
      { task_id: taskId },
      call,
    );
    return { task_id: optionalText(body.task_id) ?? taskId, records: listOf(body.records) };
  }

  /** 4.24 Changes a task; answers its id. */
  async updateTask(
    accessToken: string,
    taskId: string,
    changes: TaskUpdate,
    call?: CallOptions,
  ): Promise<string> {
    const body = await this.requester.user(
      accessToken,
      'POST',
      PATH.update,
      { task_id: taskId, task: pickShape(changes, TASK_SHAPE) },
      call,
    );
    return echoedId(body, 'task_id', PATH.update, taskId);
  }

  /** 4.25 Marks a task done (`true`) or not done (`false`). */
  async completeTask(
    accessToken: string,
    taskId: string,
    complete: boolean,
    call?: CallOptions,
  ): Promise<void> {
    await this.requester.user(
      accessToken,
      'POST',
      PATH.complete,
      { task_id: taskId, complete },
      call,
    );
  }

  /** 4.26 Deletes a task. */
  async deleteTask(accessToken: string, taskId: string, call?: CallOptions): Promise<void> {
    await this.requester.user(accessToken, 'DELETE', PATH.delete, { task_id: taskId }, call);
  }
}

function taskPage(body: JsonObject): TaskPage {
  const { has_next: hasNext, after_url: afterUrl } = pageCursor(body);
  const page: TaskPage = { tasks: listOf(body.tasks), has_next: hasNext };
  if (afterUrl !== undefined) {
    page.after_url = afterUrl;
  }
  return page;
}
