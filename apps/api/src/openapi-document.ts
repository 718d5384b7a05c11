import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { type MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

type SchemaObject = Record<string, unknown>;

// class-transformer keeps its @Type() registry here (no typed entry point); nested DTOs need it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

const isEmptyObjectSchema = (schema: SchemaObject | undefined): boolean =>
  schema === undefined ||
  Object.keys((schema.properties as SchemaObject | undefined) ?? {}).length === 0;

/**
 * The API's OpenAPI document. Request bodies are described from the DTOs' class-validator
 * decorators (the same rules the global pipe enforces), so the document cannot drift from what
 * the API accepts, and clients and the schema-driven tests read one source.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kakao Channel Campaign Console API')
      .setDescription(
        'Lists speak the ra-data-simple-rest format (sort, range, filter; total in Content-Range). ' +
          'Errors: { statusCode, code, message, errors?: { field: reason } }.',
      )
      .addBearerAuth()
      .addGlobalParameters({ name: 'X-Channel-Id', in: 'header', required: false })
      .build(),
  );
  const fromValidation = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  }) as Record<string, SchemaObject>;
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  for (const [name, schema] of Object.entries(fromValidation)) {
    // Swagger's own schema wins where it knows the properties (@ApiProperty).
    if (isEmptyObjectSchema(schemas[name])) {
      schemas[name] = schema;
    }
  }
  for (const schema of Object.values(schemas)) {
    replaceBuiltInRefs(schema, schemas);
  }
  document.components = { ...document.components, schemas };
  return document;
}

/** JSON types that nested `@Type(() => Array)`-style metadata names as if they were schemas. */
const BUILT_IN_TYPES: Record<string, string> = {
  Array: 'array',
  Object: 'object',
  String: 'string',
  Number: 'number',
  Boolean: 'boolean',
  Date: 'string',
};

/** Turns `$ref`s to built-in constructors (no such schema exists) into plain JSON types. */
function replaceBuiltInRefs(node: unknown, schemas: Record<string, SchemaObject>): void {
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const object = node as SchemaObject;
  const ref = object.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const type = BUILT_IN_TYPES[name];
    if (type !== undefined && schemas[name] === undefined) {
      delete object.$ref;
      object.type = type;
    }
  }
  for (const child of Object.values(object)) {
    replaceBuiltInRefs(child, schemas);
  }
}
