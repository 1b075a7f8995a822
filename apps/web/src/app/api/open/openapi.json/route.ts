import { openApiDocument } from '@ccgov/documents';
import { jsonResponse } from '@/server/public-data';

export const dynamic = 'force-dynamic';

/** GET /api/open/openapi.json — the OpenAPI 3.1 description of /api/open, generated from the answers' zod schemas. */
export async function GET() {
  return jsonResponse(openApiDocument());
}
