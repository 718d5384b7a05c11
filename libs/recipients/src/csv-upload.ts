import { type Readable } from 'node:stream';

import { type MultipartFile } from '@fastify/multipart';
import { type FastifyRequest } from 'fastify';

import { textProblem } from '@app/common';

import { RecipientsErrorCode, RecipientsException } from './recipients.exception';

/** Content types sent as the file itself (the API passes their body through as a stream). */
export const RAW_CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];

/** Every body type an upload route takes: a form with the file, or the file itself. */
export const CSV_UPLOAD_CONTENT_TYPES = ['multipart/form-data', ...RAW_CSV_CONTENT_TYPES];

export interface CsvUpload {
  file: AsyncIterable<Buffer | string>;
  fileName: string | null;
}

export const MULTIPART_INCOMPLETE = 'the multipart body is incomplete';

/**
 * A multipart body the parser cannot read (no boundary, cut short, broken part headers) is the
 * client's: 400 naming the file. Errors that carry a client status of their own (a file over
 * the size limit: 413) keep it.
 */
function multipartError(error: unknown): unknown {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 400) {
    return error;
  }
  return new RecipientsException(
    RecipientsErrorCode.ImportInvalid,
    `The multipart body cannot be read: ${error instanceof Error ? error.message : 'it is broken'}`,
    { file: MULTIPART_INCOMPLETE },
  );
}

/** The file's bytes; a body that breaks off mid-file fails as a client error, not a 500. */
async function* multipartBytes(part: MultipartFile): AsyncGenerator<Buffer> {
  try {
    for await (const piece of part.file) {
      yield piece as Buffer;
    }
  } catch (error) {
    throw multipartError(error);
  }
}

function checkedFileName(name: string | undefined): string | null {
  if (!name) {
    return null;
  }
  const problem = textProblem(name);
  if (problem !== undefined) {
    throw new RecipientsException(RecipientsErrorCode.ImportInvalid, `The file name ${problem}`, {
      file: `the file name ${problem}`,
    });
  }
  return name;
}

/**
 * The uploaded CSV as a stream, never buffered: the first file of a `multipart/form-data` body,
 * or a raw `text/csv` body.
 */
export async function readCsvUpload(request: FastifyRequest): Promise<CsvUpload> {
  if (typeof request.isMultipart === 'function' && request.isMultipart()) {
    let part: MultipartFile | undefined;
    try {
      part = await request.file();
    } catch (error) {
      throw multipartError(error);
    }
    if (!part) {
      throw new RecipientsException(
        RecipientsErrorCode.ImportInvalid,
        'The multipart body holds no file',
        { file: 'is required' },
      );
    }
    return { file: multipartBytes(part), fileName: checkedFileName(part.filename) };
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = request.body as Readable | undefined;
  if (
    RAW_CSV_CONTENT_TYPES.includes(type) &&
    body &&
    typeof body[Symbol.asyncIterator] === 'function'
  ) {
    const header = request.headers['x-file-name'];
    return {
      file: body,
      fileName: checkedFileName(typeof header === 'string' ? header : undefined),
    };
  }
  throw new RecipientsException(
    RecipientsErrorCode.ImportInvalid,
    'Send the CSV as multipart/form-data (a file field) or as a text/csv body',
    { file: 'is required' },
  );
}
