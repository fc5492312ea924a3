/**
 * Which view to show: the one the URL asks for when this host has it (by id,
 * or by the ribbon command it answers), else the first.
 */
import { viewParameter } from './view-ids';
import type { PaneView } from './views';

export interface Route {
  view: PaneView | null;
  /** The `?vue=` value when it names no view of this host (shown to the user). */
  unknown: string | null;
}

export function resolveRoute(requested: string | null, views: readonly PaneView[]): Route {
  const match = requested
    ? (views.find((v) => v.id === requested) ?? views.find((v) => v.command === requested))
    : undefined;
  return {
    view: match ?? views[0] ?? null,
    unknown: requested && !match ? requested : null,
  };
}

/** The same page with `?vue=<id>`, other parameters kept (Office adds its own). */
export function urlWithView(href: string, id: string): string {
  const url = new URL(href);
  url.searchParams.set(viewParameter, id);
  return url.toString();
}
