import { MAX_UPLOAD_BYTES } from '@ccgov/excel';
import { z } from 'zod';

/** An uploaded file travels as base64 inside the tRPC call; its size is checked before decoding. */
export const uploadSchema = z
  .string()
  .min(1, { error: '请选择文件' })
  .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, { error: `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）` })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容无法读取' });

export function decodeUpload(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
