import type { FastifyRequest } from 'fastify';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { ApiError } from './http';

/** Who made a ZGW request: the JWT claims Open Zaak keeps for its audit trail. */
export interface JwtIdentity { clientId: string; userId: string; userRepresentation: string }

const JWT_EXPIRY_SECONDS = 3600; // Open Zaak JWT_EXPIRY default, TIME_LEEWAY 0

const denied = (code: string, detail: string): ApiError =>
  new ApiError(403, code, 'U heeft geen toestemming om deze actie uit te voeren.', detail);

/**
 * ZGW (Zaken, Catalogi) authentication as Open Zaak does it: `Authorization: Bearer <JWT>`, HS256
 * signed with the secret of the `client_id` claim, `iat` at most JWT_EXPIRY seconds old.
 * Every failure is a 403 problem (DRF turns NotAuthenticated into 403 without WWW-Authenticate).
 */
export async function verifyZgwJwt(req: FastifyRequest, secrets: ReadonlyMap<string, string>, nowSeconds = Math.floor(Date.now() / 1000)): Promise<JwtIdentity> {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) throw denied('not_authenticated', 'Authenticatiegegevens zijn niet opgegeven.');
  const token = header.slice('Bearer '.length).trim();
  let claims: Record<string, unknown>;
  try {
    decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw denied('jwt-decode-error', 'JWT could not be decoded. Possibly you made a copy-paste mistake.');
  }
  const clientId = claims.client_id;
  if (typeof clientId !== 'string' || !clientId) throw denied('missing-client-identifier', 'Client identifier is niet aanwezig in JWT');
  const secret = secrets.get(clientId);
  if (secret === undefined) throw denied('invalid-client-identifier', 'Client identifier bestaat niet');
  try {
    await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'], currentDate: new Date(nowSeconds * 1000) });
  } catch (e) {
    if (e instanceof joseErrors.JWSSignatureVerificationFailed) throw denied('invalid-jwt-signature', 'Client credentials zijn niet geldig');
    if (e instanceof joseErrors.JWTExpired) throw denied('jwt-expiredsignatureerror', 'JWT did not validate, try checking the `nbf` and `iat`');
    throw denied('jwt-invalidtokenerror', 'JWT did not validate, try checking the `nbf` and `iat`');
  }
  const iat = claims.iat;
  if (typeof iat !== 'number') throw denied('jwt-missingrequiredclaimerror', 'JWT did not validate, try checking the `nbf` and `iat`');
  if (iat > nowSeconds) throw denied('jwt-immaturesignatureerror', 'JWT did not validate, try checking the `nbf` and `iat`');
  if (nowSeconds - iat > JWT_EXPIRY_SECONDS) throw denied('jwt-expiredsignatureerror', 'JWT did not validate, try checking the `nbf` and `iat`');
  return {
    clientId,
    userId: typeof claims.user_id === 'string' ? claims.user_id : '',
    userRepresentation: typeof claims.user_representation === 'string' ? claims.user_representation : '',
  };
}

/**
 * Open Klant 2 authentication: `Authorization: Token <key>`; 401 with `WWW-Authenticate: Token`
 * when missing or unknown (DRF TokenAuthentication).
 */
export function verifyToken(req: FastifyRequest, tokens: ReadonlySet<string>): void {
  const header = req.headers.authorization ?? '';
  const m = header.match(/^Token\s+(\S+)\s*$/);
  if (!header.startsWith('Token')) {
    throw new ApiError(401, 'not_authenticated', 'Authenticatiegegevens zijn niet opgegeven.', 'Authenticatiegegevens zijn niet opgegeven.', undefined, { 'WWW-Authenticate': 'Token' });
  }
  if (!m || !tokens.has(m[1]!)) {
    throw new ApiError(401, 'authentication_failed', 'Ongeldige token.', 'Ongeldige token.', undefined, { 'WWW-Authenticate': 'Token' });
  }
}
