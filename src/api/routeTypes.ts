import type { z } from 'zod';
import type { RouteName, routes } from '../contract';

type Route<N extends RouteName> = (typeof routes)[N];
type Part = 'params' | 'query' | 'body';

/** `{ params: ... }` when the route declares path parameters, and so on for query and body. */
type InputPart<N extends RouteName, P extends Part> =
  Route<N> extends { readonly [K in P]: infer S extends z.ZodType }
    ? undefined extends z.input<S>
      ? { [K in P]?: z.input<S> }
      : { [K in P]: z.input<S> }
    : { [K in P]?: never };

/** What `call(name, input)` takes for route `N`: exactly the parts the route declares. */
export type CallInput<N extends RouteName> = InputPart<N, 'params'> & InputPart<N, 'query'> & InputPart<N, 'body'>;

