/** Where the API serves Bull Board (outside Nest's routes, on the same Fastify instance). */
export const QUEUE_BOARD_PATH = '/api/queues';

/** The board's pass: HttpOnly, scoped to QUEUE_BOARD_PATH, never readable by the console's code. */
export const QUEUE_BOARD_COOKIE = 'kcc_queue_board';
