import { AppError } from '../errors';

/** The HTTP status of a Cosmos SDK error, when it has one. */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    if (typeof code === 'number') {
      return code;
    }
  }
  return undefined;
}

/** Map an SDK failure to a coded error; the original stays as the cause. */
export function storageError(operation: string, error: unknown): AppError {
  const status = cosmosStatus(error);
  if (status === 412) {
    return new AppError('STORAGE_CONFLICT', operation, { cause: error });
  }
  return new AppError('STORAGE_UNAVAILABLE', `${operation}${status ? ` (HTTP ${status})` : ''}`, {
    cause: error,
  });
}
