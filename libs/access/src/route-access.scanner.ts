import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  RequestMethod,
  type Type,
} from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { type AccessRule, readAccessRule } from './access-rule';

export interface RouteAccess {
  /** `GET /users/:id` (without the global prefix). */
  route: string;
  /** `UsersController.get` */
  handler: string;
  rule: AccessRule | undefined;
}

// Nest stores a route path as a string or, for routes with aliases, an array of strings.
function pathOf(metadata: unknown): string {
  if (typeof metadata === 'string') {
    return metadata;
  }
  return Array.isArray(metadata) && typeof metadata[0] === 'string' ? metadata[0] : '';
}

function joinPath(...parts: unknown[]): string {
  const segments = parts
    .flatMap((part) => pathOf(part).split('/'))
    .filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}

/** Lists every controller route with its access rule, and logs the ones without a rule at boot. */
@Injectable()
export class RouteAccessScanner implements OnApplicationBootstrap {
  private readonly logger = new Logger(RouteAccessScanner.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metadataScanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteAccess[] {
    const routes: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype;
      const instance: unknown = wrapper.instance;
      if (typeof controller !== 'function' || typeof instance !== 'object' || instance === null) {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.metadataScanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') {
          continue;
        }
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (method === undefined) {
          continue;
        }
        routes.push({
          route: `${RequestMethod[method]} ${joinPath(
            this.reflector.get<unknown>(PATH_METADATA, controller),
            this.reflector.get<unknown>(PATH_METADATA, handler),
          )}`,
          handler: `${controller.name}.${name}`,
          rule: readAccessRule(this.reflector, {
            getHandler: () => handler,
            getClass: <T>() => controller as Type<T>,
          }),
        });
      }
    }
    return routes;
  }

  /** Routes that would answer 403 to everyone because nobody declared who may call them. */
  unguardedRoutes(): RouteAccess[] {
    return this.routes().filter((route) => route.rule === undefined);
  }

  onApplicationBootstrap(): void {
    for (const route of this.unguardedRoutes()) {
      this.logger.error(
        `${route.route} (${route.handler}) has no @Public, @Authenticated, @RequireOperator or @RequirePermission; it answers 403`,
      );
    }
  }
}
