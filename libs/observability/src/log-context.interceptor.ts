import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Observable } from 'rxjs';

import { runWithLogContext } from './log-context';

interface RequestWithIds {
  id?: string;
  raw?: { id?: string };
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Runs each HTTP handler in a log context holding the request id (set by pino-http) and the
 * `X-Channel-Id` header, so the jobs it queues carry the request id on to the worker's logs.
 */
@Injectable()
export class LogContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<RequestWithIds>();
    const requestId = request.raw?.id ?? request.id;
    const channel = request.headers['x-channel-id'];
    const channelId =
      typeof channel === 'string' && /^[0-9a-f-]{36}$/i.test(channel) ? channel : undefined;
    return new Observable((subscriber) =>
      runWithLogContext({ requestId, channelId }, () => next.handle().subscribe(subscriber)),
    );
  }
}
