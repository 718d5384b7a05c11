import { type Readable } from 'node:stream';

import type {} from '@fastify/multipart';
import { type FastifyRequest } from 'fastify';

import { RecipientsErrorCode, RecipientsException } from './recipients.exception';

/** Content types sent as the file itself (the API passes their body through as a stream). */
export const RAW_CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];

export interface CsvUpload {
  file: AsyncIterable<Buffer | string>;
  fileName: string | null;
}

/**
 * The uploaded CSV as a stream, never buffered: the first file of a `multipart/form-data` body,
 * or a raw `text/csv` body.
 */
export async function readCsvUpload(request: FastifyRequest): Promise<CsvUpload> {
  if (typeof request.isMultipart === 'function' && request.isMultipart()) {
    const part = await request.file();
    if (!part) {
      throw new RecipientsException(
        RecipientsErrorCode.ImportInvalid,
        'The multipart body holds no file',
        { file: 'is required' },
      );
    }
    return { file: part.file, fileName: part.filename || null };
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = request.body as Readable | undefined;
  if (
    RAW_CSV_CONTENT_TYPES.includes(type) &&
    body &&
    typeof body[Symbol.asyncIterator] === 'function'
  ) {
    const header = request.headers['x-file-name'];
    return { file: body, fileName: typeof header === 'string' ? header : null };
  }
  throw new RecipientsException(
    RecipientsErrorCode.ImportInvalid,
    'Send the CSV as multipart/form-data (a file field) or as a text/csv body',
    { file: 'is required' },
  );
}
