import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out, but not sent as null: unlike `@IsOptional()`, a `null` goes on to the
 * field's other checks and is refused there, instead of reaching a NOT NULL column (a 500) or
 * silently erasing a value.
 */
export const IsOmittable = (options?: ValidationOptions) => ValidateIf((_object, value) => value !== undefined, options);
