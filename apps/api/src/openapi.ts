import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** OpenAPI at /api/docs (UI) and /api/docs/json, generated from the zod contracts. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Plenum API')
      .setDescription(
        'Self-hosted virtual congress platform. Real-time protocol: see docs/realtime.md.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    // Routes are grouped by the tags their controllers declare (`@ApiTags`), never by tags
    // made up from class names, so a controller without one shows up untagged (and fails the
    // response-schemas test).
    { autoTagControllers: false },
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), {
    jsonDocumentUrl: 'api/docs/json',
  });
}
