import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

/** A route's view loaded on first use, so each screen is its own chunk. */
export function lazyView<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
