/**
 * A model property's name as a database column or an open-data field names it: measureUnit →
 * measure_unit. The type follows the value, so a table typed from the model's properties stays in step.
 */
export type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;

export const snakeCase = <K extends string>(id: K): SnakeCase<K> => id.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`) as SnakeCase<K>;
