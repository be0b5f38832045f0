import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { API_ROOT } from 'src/api-root';

/** Where the committed schema lives: clients and the console's code generation read it. */
export const SCHEMA_FILE = join(API_ROOT, 'schema.graphql');

export function printAppSchema(app: INestApplication): string {
  return printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
}
