/**
 * The subset of JSON Schema the tools' inputs use (an object of strings, integers and booleans),
 * and a check that reports what a model got wrong in words it can act on. VS Code and MCP clients
 * may or may not validate inputs against the schema first, so the tools check again.
 */
export interface JsonSchemaProperty {
  readonly type: 'string' | 'integer' | 'boolean';
  readonly description: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
}

/** The `id` input that every per-spec tool takes. */
export const SPEC_ID_PROPERTY: JsonSchemaProperty = { type: 'string', minLength: 1, description: 'The spec id, e.g. TS-0042.' };

export interface JsonSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonSchemaProperty>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

/** The input of a tool that takes a spec's id and nothing else. */
export const SPEC_ID_INPUT: JsonSchema = {
  type: 'object',
  properties: {
    id: SPEC_ID_PROPERTY,
  },
  required: ['id'],
  additionalProperties: false,
};

/** The input, checked against the schema; throws an Error whose message says what to change. */
export function checkInput(schema: JsonSchema, input: unknown): Readonly<Record<string, unknown>> {
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) throw new Error(`the input must be an object with ${describeKeys(schema)}`);
  const record = given as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of schema.required ?? []) {
    if (record[key] === undefined || record[key] === null) problems.push(`\`${key}\` is required (${schema.properties[key].description})`);
  }
  for (const [key, value] of Object.entries(record)) {
    const property = schema.properties[key];
    if (!property) {
      problems.push(`\`${key}\` is not an input of this tool; it takes ${describeKeys(schema)}`);
      continue;
    }
    if (value === undefined || value === null) continue;
    const problem = checkValue(key, property, value);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return record;
}

function checkValue(key: string, property: JsonSchemaProperty, value: unknown): string | undefined {
  switch (property.type) {
    case 'string':
      if (typeof value !== 'string') return `\`${key}\` must be a string, not ${JSON.stringify(value)}`;
      if (property.minLength !== undefined && value.trim().length < property.minLength) return `\`${key}\` must not be empty`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `\`${key}\` must be true or false, not ${JSON.stringify(value)}`;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `\`${key}\` must be a whole number, not ${JSON.stringify(value)}`;
      if (property.minimum !== undefined && value < property.minimum) return `\`${key}\` must be at least ${property.minimum}`;
      if (property.maximum !== undefined && value > property.maximum) return `\`${key}\` must be at most ${property.maximum}`;
      return undefined;
  }
}

function describeKeys(schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  return Object.keys(schema.properties).map((key) => `\`${key}\`${required.has(key) ? '' : ' (optional)'}`).join(', ');
}
