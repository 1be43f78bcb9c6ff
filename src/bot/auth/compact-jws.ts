/**
 * A JSON Web Token in compact form (header.payload.signature), split and decoded but NOT yet
 * verified: nothing in it may be trusted until the signature has been checked.
 */
export interface CompactJws {
  header: Readonly<Record<string, unknown>>;
  payload: Readonly<Record<string, unknown>>;
  /** The bytes the signature covers: the first two parts as sent. */
  signingInput: string;
  signature: Buffer;
}

/** Bot Framework tokens are about 1.5 kB; anything far larger is not one. */
const MAX_TOKEN_CHARS = 8_192;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  if (part.length === 0 || !BASE64URL.test(part)) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Splits and decodes a token; undefined when it is not a well-formed compact JWS. */
export function parseCompactJws(token: string): CompactJws | undefined {
  if (token.length > MAX_TOKEN_CHARS) {
    return undefined;
  }
  const [headerPart, payloadPart, signaturePart, ...rest] = token.split('.');
  if (
    headerPart === undefined ||
    payloadPart === undefined ||
    signaturePart === undefined ||
    rest.length > 0 ||
    !BASE64URL.test(signaturePart)
  ) {
    return undefined;
  }
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!header || !payload) {
    return undefined;
  }
  return {
    header,
    payload,
    signingInput: `${headerPart}.${payloadPart}`,
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}
