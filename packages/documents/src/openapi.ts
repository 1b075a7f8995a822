import { z } from 'zod';
import { openDataRegistry } from './open-data';

/**
 * The OpenAPI 3.1 description of /api/open, generated from the zod schemas the answers are built
 * with (open-data.ts): the components are z.toJSONSchema of the registry, so the description and
 * the answers cannot drift apart. Served at /api/open/openapi.json.
 */

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const error400 = json('Error', '参数错误');
const error404 = json('Error', '报告不存在或尚未公开');
const busy = { description: '当前访问人数较多，请稍后再试（响应头 Retry-After）', content: { 'text/plain': { schema: { type: 'string' } } } };
const yearParam = (description: string, required = false) => ({
  name: 'year',
  in: required ? 'path' : 'query',
  required,
  description,
  schema: { type: 'string', pattern: '^\\d{4}$', examples: ['2025'] },
});

/** Every route under /api/open (the test checks this against the route files). */
export const OPEN_API_PATHS = [
  '/api/open/reports',
  '/api/open/reports/{id}',
  '/api/open/reports.csv',
  '/api/open/summary',
  '/api/open/bulk/{year}.zip',
  '/api/open/openapi.json',
] as const;

export function openApiDocument(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(openDataRegistry, { io: 'input', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  // Each component is its own JSON Schema document for zod; inside an OpenAPI file they are not.
  const components = Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
  const paths: Record<(typeof OPEN_API_PATHS)[number], unknown> = {
    '/api/open/reports': {
      get: {
        summary: '已发布的年度报告列表（现行版本）',
        parameters: [
          yearParam('报告年度'),
          { name: 'department', in: 'query', required: false, description: '报告主体名称的一部分（最多50字）', schema: { type: 'string', maxLength: 50 } },
        ],
        responses: { 200: json('ReportList', '报告列表'), 400: error400 },
      },
    },
    '/api/open/reports/{id}': {
      get: {
        summary: '一份已发布的年度报告：全部文字和数字',
        parameters: [{ name: 'id', in: 'path', required: true, description: '发布编号', schema: { type: 'integer', minimum: 1 } }],
        responses: { 200: json('Report', '报告'), 404: error404 },
      },
    },
    '/api/open/reports.csv': {
      get: {
        summary: '每份报告一行、全部200个数字的 CSV（UTF-8 带 BOM）',
        parameters: [
          yearParam('报告年度（不填为全部年度）'),
          { name: 'header', in: 'query', required: false, description: 'key：表头用字段名；默认用官方标签', schema: { type: 'string', enum: ['key'] } },
        ],
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 400: { description: '参数错误', content: { 'text/plain': { schema: { type: 'string' } } } }, 503: busy },
      },
    },
    '/api/open/summary': {
      get: {
        summary: '全区汇总：合计、比率、发布情况',
        parameters: [yearParam('报告年度（默认最近的已发布年度）')],
        responses: { 200: json('Summary', '全区汇总'), 400: error400, 404: json('Error', '该年度没有已发布的报告') },
      },
    },
    '/api/open/bulk/{year}.zip': {
      get: {
        summary: '一个年度全部已发布报告的批量下载：每份报告的 JSON（Report）、CSV 和 PDF',
        parameters: [yearParam('报告年度', true)],
        responses: {
          200: { description: 'ZIP 文件', content: { 'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } } } },
          404: { description: '该年度没有已发布的报告', content: { 'text/plain': { schema: { type: 'string' } } } },
          503: busy,
        },
      },
    },
    '/api/open/openapi.json': {
      get: {
        summary: '本说明（OpenAPI 3.1）',
        responses: { 200: { description: 'OpenAPI 文档', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: '陈仓区政府信息公开工作年度报告 开放数据接口',
      version: '1.0.0',
      description: '无需登录。只提供现行、未撤销的发布；字段名保持稳定：只增加，不改名、不删除。所有回答带 Access-Control-Allow-Origin: *。',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components },
  };
}
