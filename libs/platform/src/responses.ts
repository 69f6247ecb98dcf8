import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';

export interface FileResponseOptions {
  /** Media types the answer may have, without parameters. */
  contentTypes: readonly string[];
  description: string;
  status?: number;
  /** The body's schema; by default bytes (`string`, `binary`). */
  schema?: SchemaObject;
}

/**
 * The route answers bytes it writes itself (a file, a CSV or calendar export, a media stream),
 * not a view passed through a zod schema: the OpenAPI document names the media types instead.
 */
export function FileResponse(options: FileResponseOptions): MethodDecorator {
  const schema = options.schema ?? { type: 'string', format: 'binary' };
  return ApiResponse({
    status: options.status ?? 200,
    description: options.description,
    content: Object.fromEntries(options.contentTypes.map((type) => [type, { schema }])),
  });
}
