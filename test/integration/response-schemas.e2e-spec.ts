import { RequestMethod } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

interface MediaType {
  schema?: { $ref?: string; type?: string; items?: unknown; oneOf?: unknown[] };
}
interface Operation {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}

/** The metadata key `@ZodResponse` / `@ZodSerializerDto` sets; nestjs-zod does not export it. */
const ZOD_SERIALIZER_DTO = 'ZOD_SERIALIZER_DTO_OPTIONS';
const RESPONSE_PASSTHROUGH = '__responsePassthrough__';

const isJson = (mediaType: string) => /^application\/(.+\+)?json$/.test(mediaType);

/**
 * What a route answers is declared, so the OpenAPI document tells clients the shape of every
 * answer, and the answer passes through that declaration (the serializer strips what the view
 * schema does not name). A route added without one fails here.
 */
describe('response schemas: declared on every route', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await (await fetch(`${t.baseUrl}/api/docs/json`)).json()) as {
      paths: typeof paths;
    };
    paths = doc.paths;
  });
  afterAll(() => t.close());

  function operations(): Array<[string, Operation]> {
    const all: Array<[string, Operation]> = [];
    for (const [path, byMethod] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(byMethod)) {
        const route = `${method.toUpperCase()} ${path}`;
        all.push([route, operation]);
      }
    }
    return all;
  }

  it('groups every route under a tag', () => {
    const untagged = operations()
      .filter(([, operation]) => !operation.tags?.length)
      .map(([route]) => route);
    expect(untagged).toEqual([]);
    expect(operations().length).toBeGreaterThan(100);
  });

  it('declares a success answer for every route: a schema, a file type, or no body', () => {
    const wrong: string[] = [];
    for (const [route, operation] of operations()) {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
        /^[23]\d\d$/.test(status),
      );
      if (!success.length) wrong.push(`${route}: no success response`);
      for (const [status, response] of success) {
        const content = Object.entries(response.content ?? {});
        if (status === '204' || status === '304') {
          if (content.length) wrong.push(`${route}: ${status} with a body`);
          continue;
        }
        if (/^3/.test(status)) continue;
        if (!content.length) wrong.push(`${route}: ${status} without a content type`);
        for (const [mediaType, { schema }] of content) {
          const named = schema && (schema.$ref || schema.items || schema.oneOf || schema.type);
          if (!schema) wrong.push(`${route}: ${status} ${mediaType} without a schema`);
          else if (isJson(mediaType) && !named)
            wrong.push(`${route}: ${status} ${mediaType} untyped`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('passes every answer a handler returns through its view schema, with the status declared', () => {
    const byOperationId = new Map<string, Operation>();
    for (const byMethod of Object.values(paths)) {
      for (const operation of Object.values(byMethod)) {
        if (operation.operationId) byOperationId.set(operation.operationId, operation);
      }
    }
    const wrong: string[] = [];
    let handlers = 0;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (!controller) continue;
        const prototype = controller.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          handlers++;
          const id = `${controller.name}.${name}`;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
          const status =
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (method === RequestMethod.POST ? 201 : 200);
          const declared = Object.keys(
            byOperationId.get(`${controller.name}_${name}`)?.responses ?? {},
          );
          if (!declared.includes(String(status))) {
            wrong.push(`${id}: answers ${status}, declares ${declared.join(', ') || 'nothing'}`);
          }
          // A handler that writes the reply itself sends bytes, declared as a file above.
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as object;
          const ownsReply =
            Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.RESPONSE}:`)) &&
            Reflect.getMetadata(RESPONSE_PASSTHROUGH, controller, name) !== true;
          if (ownsReply || status === 204) continue;
          if (!Reflect.getMetadata(ZOD_SERIALIZER_DTO, handler)) {
            wrong.push(`${id}: returns an answer that no view schema serializes`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(handlers).toBeGreaterThan(100);
  });
});
