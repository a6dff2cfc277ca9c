import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * Fuzzing driven by the schema: every argument of every query and mutation, every field
 * of every input inside them (nested inputs and list items included), and the arguments
 * of the fields of the objects that queries return (`edition(id) { agenda(day) }`). A new
 * mutation or argument is fuzzed without changing a test: only its valid value may need
 * a hint (see Baselines) for the rest of the request to succeed.
 */

/** A field with arguments to call: a root field, or a field of what a root field returns. */
export interface Operation {
  kind: 'query' | 'mutation';
  root: GraphQLField<unknown, unknown>;
  child?: GraphQLField<unknown, unknown>;
}

export const operationName = (op: Operation) =>
  op.child ? `${op.root.name}.${op.child.name}` : op.root.name;

/** Where one value sits in the variables: [argument, field, 0 (list item), field…]. */
export type Path = (string | number)[];

export interface Hostile {
  kind: string;
  value: unknown;
  /** Any answer but a refusal is wrong (NUL, a broken date, a non-id…). */
  mustRefuse: boolean;
}

/** The value is not sent at all (an optional field the baseline leaves out). */
export const OMIT = Symbol('omit');

const selection = (field: GraphQLField<unknown, unknown>) =>
  isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';

export function operations(schema: GraphQLSchema): Operation[] {
  const ops: Operation[] = [];
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    if (field.args.length > 0) ops.push({ kind: 'mutation', root: field });
  }
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.name.startsWith('__')) continue;
    if (field.args.length > 0) ops.push({ kind: 'query', root: field });
    const type = getNamedType(field.type);
    // Fields with arguments on a single object a query returns (not on lists: one is enough).
    if (isObjectType(type) && !isListType(stripNonNull(field.type))) {
      for (const child of Object.values(type.getFields())) {
        if (child.args.length > 0) ops.push({ kind: 'query', root: field, child });
      }
    }
  }
  return ops;
}

function stripNonNull<T>(type: T): T {
  return (isNonNullType(type) ? type.ofType : type) as T;
}

/** The document for an operation; the child's arguments are variables prefixed "c_". */
export function document(op: Operation): string {
  const declare = (args: readonly GraphQLArgument[], prefix: string) =>
    args.map((a) => `$${prefix}${a.name}: ${String(a.type)}`);
  const pass = (args: readonly GraphQLArgument[], prefix: string) =>
    args.length ? `(${args.map((a) => `${a.name}: $${prefix}${a.name}`).join(', ')})` : '';
  const vars = [...declare(op.root.args, ''), ...declare(op.child?.args ?? [], 'c_')];
  const inner = op.child
    ? ` { ${op.child.name}${pass(op.child.args, 'c_')}${selection(op.child)} }`
    : selection(op.root);
  const head = vars.length ? `(${vars.join(', ')})` : '';
  return `${op.kind}${head} { ${op.root.name}${pass(op.root.args, '')}${inner} }`;
}

/** The arguments of an operation as variable names with their types. */
export function variables(op: Operation): { name: string; arg: GraphQLArgument }[] {
  return [
    ...op.root.args.map((arg) => ({ name: arg.name, arg })),
    ...(op.child?.args ?? []).map((arg) => ({ name: `c_${arg.name}`, arg })),
  ];
}

/** The arguments an operation fuzzes: a child's own (its root's are fuzzed as a root). */
export function fuzzedVariables(op: Operation): { name: string; arg: GraphQLArgument }[] {
  return op.child ? variables(op).filter(({ name }) => name.startsWith('c_')) : variables(op);
}

/** Every path worth fuzzing under one argument, with the type found there. */
export function paths(
  name: string,
  type: GraphQLInputType,
): { path: Path; type: GraphQLInputType; field: string }[] {
  const found: { path: Path; type: GraphQLInputType; field: string }[] = [];
  const walk = (path: Path, current: GraphQLInputType, field: string, depth: number) => {
    found.push({ path, type: current, field });
    if (depth > 4) return;
    const inner = stripNonNull(current);
    if (isListType(inner)) {
      walk([...path, 0], inner.ofType, field, depth + 1);
    } else if (isInputObjectType(inner)) {
      for (const f of Object.values(inner.getFields()))
        walk([...path, f.name], f.type, f.name, depth + 1);
    }
  };
  walk([name], type, name, 0);
  return found;
}

const MEGABYTE = 'x'.repeat(1024 * 1024);

/**
 * Hostile values for the value at a path, given its type, name and a valid value. Values
 * that exercise the same check are alternatives of one group: each path gets one of each
 * group (`seed` turns through them from path to path), so every alternative is sent
 * somewhere without multiplying the requests. `light` keeps the groups that matter for
 * a caller whose requests are refused anyway (anonymous): null, NUL, surrogates, ids, dates.
 */
export function hostileValues(
  type: GraphQLInputType,
  field: string,
  description: string,
  valid: unknown,
  seed: number,
  light = false,
): Hostile[] {
  const groups: { light: boolean; values: Hostile[] }[] = [];
  const group = (isLight: boolean, ...values: Hostile[]) => groups.push({ light: isLight, values });
  const refuse = (kind: string, value: unknown): Hostile => ({ kind, value, mustRefuse: true });
  const try_ = (kind: string, value: unknown): Hostile => ({ kind, value, mustRefuse: false });
  group(true, { kind: 'null', value: null, mustRefuse: isNonNullType(type) });
  const inner = stripNonNull(type);
  const named = getNamedType(inner);
  if (isListType(inner)) {
    const item = Array.isArray(valid) ? valid[0] : valid;
    group(false, try_('empty list', []));
    group(false, refuse('list holding null', [null]), try_('one value for a list', item));
    group(
      false,
      try_(
        '10,000 items',
        Array.from({ length: 10_000 }, () => item),
      ),
    );
  } else if (isInputObjectType(inner)) {
    group(false, refuse('text for an object', 'x'), refuse('list for an object', [valid]));
  } else if (isEnumType(inner)) {
    const first = inner.getValues()[0].name;
    group(
      false,
      refuse('unknown enum value', 'NOT_A_VALUE'),
      refuse('enum value in lower case', first.toLowerCase()),
      refuse('number for an enum', 1),
    );
  } else if (named.name === 'ID') {
    const id = typeof valid === 'string' ? valid : randomUUID();
    group(
      true,
      refuse('non-UUID id', 'x'),
      refuse('empty id', ''),
      refuse('number id', 42),
      refuse('SQL in an id', "' or '1'='1"),
      refuse('1 MB id', MEGABYTE),
    );
    group(true, refuse('id with NUL', `${id}\u0000`));
    group(
      true,
      refuse('lone high surrogate', '\ud800'),
      refuse('lone low surrogate', `${id}\udfff`),
    );
    group(
      true,
      try_('unknown UUID', randomUUID()),
      try_('nil UUID', '00000000-0000-0000-0000-000000000000'),
      try_('upper-case id', id.toUpperCase()),
    );
  } else if (named.name === 'String') {
    const text = typeof valid === 'string' && valid.length > 0 ? valid : 'text';
    group(false, try_('empty string', ''));
    group(false, try_('1 MB string', MEGABYTE));
    group(true, refuse('NUL', `${text.slice(0, 1)}\u0000${text.slice(1)}`));
    group(
      true,
      refuse('lone high surrogate', `${text}\ud800`),
      refuse('lone low surrogate', `\udc00${text}`),
    );
    group(false, try_('RTL-only text', '\u202e\u200f\u202b'));
    group(false, try_('zero-width-only text', '\u200b\u200c\u200d\u2060\ufeff'));
    group(
      false,
      try_('spaces only', '   '),
      try_('SQL and LIKE wildcards', "%_\\'; drop table person; --"),
      refuse('number for a string', 12),
    );
    if (/YYYY-MM-DD/.test(description) || /^(day|date|from|to|startDate|endDate)$/.test(field)) {
      group(
        true,
        refuse('impossible date', '2023-02-30'),
        refuse('month 13', '2023-13-01'),
        refuse('date with time', '2023-03-14T10:00:00Z'),
        refuse('five-digit year', '20230-01-01'),
      );
    }
    if (/HH:MM/.test(description))
      group(false, refuse('impossible time', '24:61'), refuse('time without colon', '0900'));
  } else if (named.name === 'Int') {
    group(
      false,
      refuse('2^31', 2 ** 31),
      refuse('-2^31-1', -(2 ** 31) - 1),
      refuse('1e308', 1e308),
    );
    group(false, try_('2^31-1', 2 ** 31 - 1), try_('-1', -1), try_('0', 0));
    group(false, refuse('fraction', 1.5), refuse('text for a number', '1'));
  } else if (named.name === 'Float') {
    group(false, try_('1e308', 1e308), try_('-1e308', -1e308));
    group(false, refuse('text for a number', 'x'));
  } else if (named.name === 'Boolean') {
    group(false, refuse('text for a boolean', 'true'), refuse('number for a boolean', 1));
  } else {
    group(true, refuse('NUL', '\u0000'), refuse('lone surrogate', '\ud800'));
  }
  return groups.filter((g) => !light || g.light).map((g) => g.values[seed % g.values.length]);
}

/** A deep copy of `base` with `value` at `path`, filling missing containers from `full`. */
export function withValueAt(
  base: Record<string, unknown>,
  full: Record<string, unknown>,
  path: Path,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(base);
  let target: Record<string | number, unknown> = copy;
  let source: unknown = full;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    source = (source as Record<string | number, unknown> | undefined)?.[key];
    if (target[key] === undefined || target[key] === null) target[key] = structuredClone(source);
    target = target[key] as Record<string | number, unknown>;
  }
  target[path[path.length - 1]] = value;
  return copy;
}

export function valueAt(values: unknown, path: Path): unknown {
  let current = values;
  for (const key of path)
    current = (current as Record<string | number, unknown> | undefined)?.[key];
  return current;
}

/** The description of the input field or argument at the end of a path ('' if none). */
export function descriptionAt(arg: GraphQLArgument, path: Path): string {
  let type: GraphQLInputType = arg.type;
  let description = arg.description ?? '';
  for (const key of path.slice(1)) {
    const inner = stripNonNull(type);
    if (isListType(inner)) {
      type = inner.ofType;
    } else if (isInputObjectType(inner)) {
      const f = inner.getFields()[key as string];
      type = f.type;
      description = f.description ?? '';
    }
  }
  return description;
}

export type Thunk = () => unknown;

/**
 * Valid values from the schema, with hints: `byOperation` for one operation's paths
 * ("createEdition": { "input.year": () => …, "input.hostCountry": OMIT }), `byField` for a
 * field name anywhere ("email"), `ids` for ID fields by name ("editionId" → an edition's id).
 * A function is called for each request (fresh names, unique emails).
 */
export interface Hints {
  byOperation: Record<string, Record<string, unknown>>;
  byField: Record<string, unknown>;
  enums: Record<string, string>;
  id: (op: Operation, field: string, path: Path) => string;
}

export class Baselines {
  private counter = 0;

  constructor(private readonly hints: Hints) {}

  /** The variables of a request that would succeed; `full` also fills what is omitted. */
  variables(op: Operation, full = false): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const { name, arg } of variables(op)) {
      const value = this.value(op, [name], arg.name, arg.type, full);
      if (value !== OMIT) result[name] = value;
    }
    return result;
  }

  private hint(op: Operation, path: Path): unknown {
    const key = path.map(String).join('.');
    const byOp = this.hints.byOperation[operationName(op)];
    if (byOp && key in byOp) return byOp[key];
    return undefined;
  }

  private value(
    op: Operation,
    path: Path,
    field: string,
    type: GraphQLInputType,
    full: boolean,
  ): unknown {
    const hinted = this.hint(op, path);
    if (hinted === OMIT) return full ? this.generated(op, path, field, type, full) : OMIT;
    if (hinted !== undefined) return typeof hinted === 'function' ? (hinted as Thunk)() : hinted;
    const byField =
      this.hints.byField[`${field}:${getNamedType(type).name}`] ?? this.hints.byField[field];
    if (byField !== undefined && !isListType(stripNonNull(type))) {
      return typeof byField === 'function' ? (byField as Thunk)() : byField;
    }
    return this.generated(op, path, field, type, full);
  }

  private generated(
    op: Operation,
    path: Path,
    field: string,
    type: GraphQLInputType,
    full: boolean,
  ): unknown {
    const inner = stripNonNull(type);
    if (isListType(inner)) {
      const item = this.value(op, [...path, 0], field, inner.ofType, full);
      return item === OMIT ? [] : [item];
    }
    if (isInputObjectType(inner)) {
      const object: Record<string, unknown> = {};
      for (const f of Object.values(inner.getFields())) {
        const value = this.value(op, [...path, f.name], f.name, f.type, full);
        if (value !== OMIT) object[f.name] = value;
      }
      return object;
    }
    if (isEnumType(inner)) return this.hints.enums[inner.name] ?? inner.getValues()[0].name;
    switch ((inner as GraphQLNamedType).name) {
      case 'ID':
        return this.hints.id(op, field, path);
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      default:
        return `Valid ${field} ${++this.counter}`;
    }
  }
}
