// The OpenAPI document is generated from the same zod schemas that validate requests, so it cannot drift.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

/** A fresh registry; routes add their paths to it as they are mounted. */
export function createOpenApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'rukun_session' });
  return registry;
}

/** Builds the OpenAPI 3.1 document of every registered route. */
export function buildOpenApiDocument(registry: OpenAPIRegistry): object {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Rukun API',
      version: '0.1.0',
      description: 'Community moderation toolkit. Errors: {"error": {"code", "message", "details?"}}.',
    },
    servers: [{ url: '/' }],
  });
}
