/** Asserts that an API response has the shape its OpenAPI schema documents (the first errors, if not). */
import type Type from 'typebox';
import { Value } from 'typebox/value';
import { expect } from 'vitest';

export function expectSchema(schema: Type.TSchema, value: unknown): void {
  expect([...Value.Errors(schema, value)].slice(0, 3)).toEqual([]);
}
