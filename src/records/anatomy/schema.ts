/** The record schema's properties, derived from an anatomy: required fields as they are, the rest optional. */
import { Type, type TObject, type TOptional, type TSchema } from "@sinclair/typebox";
import type { Anatomy, FieldSpec } from "./field.js";

/** The TypeBox properties of an anatomy, typed field by field (so `Entry` stays an exact type). */
export type PropertiesOf<A extends Anatomy> = {
  [K in keyof A]: A[K] extends FieldSpec<infer S, infer R> ? (R extends true ? S : TOptional<S>) : never;
};

/** The TypeBox properties of every field of `anatomy`, in its key order. */
export function propertiesOf<A extends Anatomy>(anatomy: A): PropertiesOf<A> {
  const properties: Record<string, TSchema> = {};
  for (const [key, spec] of Object.entries(anatomy))
    properties[key] = spec.required ? spec.schema : Type.Optional(spec.schema);
  return properties as PropertiesOf<A>;
}

/** The object schema of one record: exactly the anatomy's fields, nothing else. */
export function recordSchemaOf<A extends Anatomy>(anatomy: A): TObject<PropertiesOf<A>> {
  return Type.Object(propertiesOf(anatomy), { additionalProperties: false });
}
