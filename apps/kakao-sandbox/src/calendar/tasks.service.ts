import { DateTime } from 'luxon';

import type { UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import { calendarDataOf } from '@app/kakao-sandbox/calendar/user-calendars';
import { invalidParam, notAllowed, notFound } from '@app/kakao-sandbox/errors/kakao-error';
import { afterUrl, encodePageToken } from '@app/kakao-sandbox/paging/page-token';
import { newTaskId } from '@app/kakao-sandbox/state/ids';
import type {
  TaskDueInfo,
  TaskRecord,
  TaskRecur,
  TaskStatus,
} from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { TaskCreateInput, TaskPatch } from '@app/kakao-sandbox/validation/task-input';
import { DEFAULT_TIME_ZONE } from '@app/kakao-sandbox/validation/time-zone';

export const TASKS_TOKEN = 'tasks';
export const TASK_STATUS_FILTERS = ['TODO', 'COMPLETED', 'ALL'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

/** Task of 3.13 as answered. */
export interface TaskWire {
  id: string;
  content: string;
  due_info?: TaskDueInfo;
  recur?: TaskRecur;
  status: TaskStatus;
}

export interface TaskPageQuery {
  status: TaskStatusFilter;
  limit: number;
  offset: number;
}

function toTaskWire(task: TaskRecord): TaskWire {
  const wire: TaskWire = { id: task.id, content: task.content, status: task.status };
  if (task.dueInfo !== undefined) {
    wire.due_info = task.dueInfo;
  }
  if (task.recur !== undefined) {
    wire.recur = task.recur;
  }
  return wire;
}

/** Tasks and the challenge records of repeating ones (4.21–4.26). */
export class TasksService {
  constructor(private readonly context: SandboxContext) {}

  create(caller: UserCaller, input: TaskCreateInput): { task_id: string } {
    const { state } = this.context;
    const now = this.context.now();
    const task: TaskRecord = {
      id: newTaskId(),
      userId: caller.user.id,
      appId: caller.app.id,
      content: input.content,
      dueInfo: input.dueInfo ?? undefined,
      recur: input.recur ?? undefined,
      status: input.status ?? 'TODO',
      records: new Map(),
      createdAt: now,
      updatedAt: now,
    };
    state.tasks.set(task.id, task);
    calendarDataOf(state, caller.user.id).taskIds.push(task.id);
    return { task_id: task.id };
  }

  list(
    caller: UserCaller,
    query: TaskPageQuery,
    listUrl: { baseUrl: string; path: string },
  ): { tasks: TaskWire[]; has_next: boolean; after_url?: string } {
    const { state } = this.context;
    const all = calendarDataOf(state, caller.user.id)
      .taskIds.map((id) => state.tasks.get(id))
      .filter((task): task is TaskRecord => task !== undefined)
      .filter((task) => query.status === 'ALL' || task.status === query.status);
    const tasks = all.slice(query.offset, query.offset + query.limit).map(toTaskWire);
    const hasNext = query.offset + query.limit < all.length;
    if (!hasNext) {
      return { tasks, has_next: false };
    }
    const token = encodePageToken(TASKS_TOKEN, {
      s: query.status,
      l: query.limit,
      o: query.offset + query.limit,
    });
    return { tasks, has_next: true, after_url: afterUrl(listUrl.baseUrl, listUrl.path, token) };
  }

  records(
    caller: UserCaller,
    taskId: string,
  ): { task_id: string; records: { date: string; completed: boolean }[] } {
    const task = this.ownTask(caller, taskId);
    if (task.recur === undefined) {
      throw invalidParam('records exist only for a repeating task');
    }
    const records = [...task.records.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, completed]) => ({ date, completed }));
    return { task_id: task.id, records };
  }

  update(caller: UserCaller, taskId: string, patch: TaskPatch): { task_id: string } {
    const task = this.ownTask(caller, taskId);
    if (patch.content !== undefined) {
      task.content = patch.content;
    }
    if (patch.dueInfo !== undefined) {
      task.dueInfo = patch.dueInfo ?? undefined;
    }
    if (patch.recur !== undefined) {
      task.recur = patch.recur ?? undefined;
    }
    if (patch.status !== undefined) {
      task.status = patch.status;
    }
    task.updatedAt = this.context.now();
    return { task_id: task.id };
  }

  /** Marks done or not; a repeating task also records the day in its challenge history. */
  complete(caller: UserCaller, taskId: string, complete: boolean): { task_id: string } {
    const task = this.ownTask(caller, taskId);
    task.status = complete ? 'COMPLETED' : 'TODO';
    if (task.recur !== undefined) {
      const zone = task.dueInfo?.time_zone ?? DEFAULT_TIME_ZONE;
      const today = DateTime.fromMillis(this.context.now(), { zone }).toFormat('yyyyMMdd');
      task.records.set(today, complete);
    }
    task.updatedAt = this.context.now();
    return { task_id: task.id };
  }

  delete(caller: UserCaller, taskId: string): { task_id: string } {
    const { state } = this.context;
    const task = this.ownTask(caller, taskId);
    state.tasks.delete(task.id);
    const data = calendarDataOf(state, caller.user.id);
    data.taskIds = data.taskIds.filter((id) => id !== task.id);
    return { task_id: task.id };
  }

  private ownTask(caller: UserCaller, taskId: string): TaskRecord {
    const task = this.context.state.tasks.get(taskId);
    if (!task) {
      throw notFound('task');
    }
    if (task.userId !== caller.user.id) {
      throw notAllowed('this task belongs to another user');
    }
    return task;
  }
}
