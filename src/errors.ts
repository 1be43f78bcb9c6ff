/**
 * The catalogue of coded errors. Each code has a message that is safe to show a user; the cause
 * (with its stack) stays in the logs, never in chat.
 */
export const ERROR_CATALOGUE = {
  CONFIG_INVALID: 'The bot is not configured correctly.',
  STORAGE_UNAVAILABLE:
    "I couldn't reach my storage just now, so nothing from your last message was saved. Please try again in a minute; your earlier answers are still there.",
  STORAGE_CONFLICT: 'Someone changed this at the same time. Please try again.',
  STORED_DOCUMENT_INVALID:
    'Something I had stored is not in the form I expected. Please tell your PCN lead.',
  TURN_BUSY:
    "I'm still working on your previous message, so I haven't acted on this one. Please send it again in a moment.",
  UNEXPECTED:
    "Sorry, something went wrong on my side and nothing from your last message was saved. Please try again, or type 'help'.",
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'AppError';
    this.code = code;
  }

  get userMessage(): string {
    return ERROR_CATALOGUE[this.code];
  }
}

/** The AppError in an error or its cause chain, if there is one. */
export function findAppError(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof AppError) {
      return current;
    }
    current = current.cause;
  }
  return undefined;
}
