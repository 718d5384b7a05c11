// "Strict when sending": request objects are rebuilt from a shape that lists exactly the
// contract's fields, so extra properties (e.g. a detail object passed back in) never travel and
// undefined or null values are dropped. `ShapeOf<T>` makes the compiler check that a shape names
// every field of T and nothing else.

type Scalar = string | number | boolean;

type FieldShape<V> = [V] extends [Scalar]
  ? true
  : [V] extends [readonly (infer E)[]]
    ? [E] extends [Scalar]
      ? true
      : readonly [ShapeOf<E>]
    : ShapeOf<V>;

export type ShapeOf<T> = { readonly [K in keyof T]-?: FieldShape<NonNullable<T[K]>> };

interface RuntimeShape {
  readonly [key: string]: true | RuntimeShape | readonly [RuntimeShape];
}

/** A copy of `value` holding only the fields named by `shape`, recursively. */
export function pickShape<T extends object>(value: T, shape: ShapeOf<T>): Partial<T> {
  return pick(value as Readonly<Record<string, unknown>>, shape);
}

function pick(value: Readonly<Record<string, unknown>>, shape: RuntimeShape): object {
  const out: Record<string, unknown> = {};
  for (const key in shape) {
    const field = value[key];
    if (field === undefined || field === null) {
      continue;
    }
    out[key] = pickField(field, shape[key]);
  }
  return out;
}

function pickField(field: unknown, spec: true | RuntimeShape | readonly [RuntimeShape]): unknown {
  if (spec === true || typeof field !== 'object' || field === null) {
    // Scalars and scalar arrays travel as given; a wrong type is the server's to reject.
    return field;
  }
  if (isArrayShape(spec)) {
    if (!Array.isArray(field)) {
      return field;
    }
    const [itemShape] = spec;
    return field.map((item: unknown) =>
      typeof item === 'object' && item !== null
        ? pick(item as Readonly<Record<string, unknown>>, itemShape)
        : item,
    );
  }
  return Array.isArray(field) ? field : pick(field as Readonly<Record<string, unknown>>, spec);
}

function isArrayShape(
  spec: RuntimeShape | readonly [RuntimeShape],
): spec is readonly [RuntimeShape] {
  return Array.isArray(spec);
}
