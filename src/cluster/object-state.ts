/**
 * @module The data of a graph of class instances (the grouper and its indexes), taken out and put
 * back: a restarted grouper loads what it held instead of reading every stored article again.
 *
 * A field holding another class instance is followed; every other field (numbers, strings, Maps,
 * Sets, arrays, typed arrays, plain records, the settings too) is data, copied as it is. Fields named
 * in `skip` (work in progress) and functions are left out. `layoutOf` describes a graph without its
 * contents: field names, nesting, container kinds, typed-array lengths and every primitive and plain
 * record as it is, so on a freshly built graph it says how the code and its settings shape the
 * state; a saved state is put back only into a graph of the same layout.
 */

/** A graph's data: plain fields, and the data of the instances it holds, by field name. */
export interface ObjectState {
  values: Record<string, unknown>;
  nested: Record<string, ObjectState>;
}

const isInstance = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Array.isArray(value)) return false;
  if (value instanceof Map || value instanceof Set || value instanceof Date) return false;
  return Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null;
};

function fields(object: object, skip: ReadonlySet<string>): Array<[string, unknown]> {
  return Object.entries(object).filter(([name, value]) => !skip.has(name) && typeof value !== 'function');
}

/** The data of `root` and of the instances it holds. */
export function captureState(root: object, skip: ReadonlySet<string>): ObjectState {
  const state: ObjectState = { values: {}, nested: {} };
  for (const [name, value] of fields(root, skip)) {
    if (isInstance(value)) state.nested[name] = captureState(value, skip);
    else state.values[name] = value;
  }
  return state;
}

/** Puts `state` back into `root` (a graph of the same layout), field by field. */
export function restoreState(root: object, state: ObjectState): void {
  const target = root as Record<string, unknown>;
  for (const [name, value] of Object.entries(state.values)) target[name] = value;
  for (const [name, nested] of Object.entries(state.nested)) restoreState(target[name] as object, nested);
}

/** How `root` is shaped and set, as text: equal for two graphs whose states fit each other. */
export function layoutOf(root: object, skip: ReadonlySet<string>): string {
  const describe = (value: unknown): unknown => {
    if (isInstance(value)) {
      const out: Record<string, unknown> = { class: value.constructor.name };
      for (const [name, field] of fields(value, skip)) out[name] = describe(field);
      return out;
    }
    if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length ?? value.byteLength})`;
    if (value instanceof Map || value instanceof Set || Array.isArray(value)) return value.constructor.name;
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return value;
  };
  return JSON.stringify(describe(root));
}
