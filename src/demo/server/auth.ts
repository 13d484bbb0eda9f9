import type { FastifyRequest } from 'fastify';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { ApiError } from './http';

/** Who made a ZGW request: the JWT claims Open Zaak keeps for its audit trail. */
export interface JwtIdentity { clientId: string; userId: string; userRepresentation: string }

const JWT_EXPIRY_SECONDS = 3600; // Open Zaak JWT_EXPIRY default, TIME_LEEWAY 0

const denied = (code: string, detail: string): ApiError =>
  new ApiError(403, code, 'U heeft geen toestemming om deze actie uit te voeren.', detail);
/** DRF's PermissionDenied as Open Zaak answers a missing autorisatie. */
export const permissionDenied = (): ApiError => denied('permission_denied', 'U heeft geen toestemming om deze actie uit te voeren.');

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
  // An `iat` in the future (a client clock running ahead) is accepted: commonground-api-common only
  // logs it (vng_api_common/authorizations/middleware.py, JWTAuth._check_jwt_expiry; verify_iat off).
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

// ---- Autorisaties (scopes per client, per component, per type, up to a vertrouwelijkheid) ----

/** The components an Applicatie is authorised for, as the Autorisaties API names them. */
export type ZgwComponent = 'zrc' | 'ztc' | 'drc';

/** Least to most confidential (open-zaak: vng_api_common VertrouwelijkheidsAanduiding, get_choice_order). */
export const VERTROUWELIJKHEID = ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'] as const;
export type Vertrouwelijkheid = (typeof VERTROUWELIJKHEID)[number];

/**
 * One autorisatie of an Applicatie. `typen` names the zaaktypen (identificatie; Open Zaak binds
 * each version's URL, the demo every version of the identificatie) or informatieobjecttypen
 * (uuid); absent, every type of the catalogus (a CatalogusAutorisatie).
 */
export interface Autorisatie {
  component: ZgwComponent;
  scopes: readonly string[];
  typen?: readonly string[];
  maxVertrouwelijkheidaanduiding?: Vertrouwelijkheid;
}

/** A client of the ZGW APIs: its JWT secret and what it may do (an Applicatie in Open Zaak's admin). */
export interface ZgwClient {
  clientId: string;
  secret: string;
  heeftAlleAutorisaties?: boolean;
  autorisaties: readonly Autorisatie[];
}

/**
 * Exactly what Klantbeeld needs (docs/zaaksysteem.md, "Scopes per feature"): reading zaken,
 * starting one (zaken.aanmaken also sets its first status), its initiator rol (zaken.bijwerken),
 * the catalogus and the documents, up to `vertrouwelijk`.
 */
export const KLANTBEELD_AUTORISATIES: readonly Autorisatie[] = [
  { component: 'zrc', scopes: ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'], maxVertrouwelijkheidaanduiding: 'vertrouwelijk' },
  { component: 'ztc', scopes: ['catalogi.lezen'] },
  { component: 'drc', scopes: ['documenten.lezen'], maxVertrouwelijkheidaanduiding: 'vertrouwelijk' },
];

const upTo = (max: Vertrouwelijkheid | undefined): readonly string[] => (max ? VERTROUWELIJKHEID.slice(0, VERTROUWELIJKHEID.indexOf(max) + 1) : VERTROUWELIJKHEID);

/** A clause and its parameters for a list filter. */
export interface SqlFilter { sql: string; params: unknown[] }

/**
 * What one client may do, checked the way Open Zaak does (open-zaak:
 * src/openzaak/components/autorisaties/middleware.py JWTAuth.has_auth;
 * src/openzaak/utils/permissions.py AuthRequired; lists filtered in src/openzaak/utils/query.py).
 * Scopes are alternatives: any one of them is enough, as with `Scope | Scope` in the viewsets.
 */
export class Autorisaties {
  constructor(private readonly client: ZgwClient) {}

  private matching(component: ZgwComponent, scopes: readonly string[]): Autorisatie[] {
    return this.client.autorisaties.filter((a) => a.component === component && a.scopes.some((s) => scopes.includes(s)));
  }

  /** The action at all (has_permission, before any object is known): 403 without the scope. */
  require(component: ZgwComponent, scopes: readonly string[]): void {
    if (this.client.heeftAlleAutorisaties) return;
    if (this.matching(component, scopes).length === 0) throw permissionDenied();
  }

  /** One object of type `type` at `va` (has_object_permission / a create's main object): 403 otherwise. */
  requireFor(component: ZgwComponent, scopes: readonly string[], type: string, va: string | null): void {
    if (!this.allows(component, scopes, type, va)) throw permissionDenied();
  }

  allows(component: ZgwComponent, scopes: readonly string[], type: string, va: string | null): boolean {
    if (this.client.heeftAlleAutorisaties) return true;
    return this.matching(component, scopes).some((a) => (!a.typen || a.typen.includes(type)) && (va === null || upTo(a.maxVertrouwelijkheidaanduiding).includes(va)));
  }

  /**
   * The rows a list shows: only types the client is authorised for, each up to its maximum
   * vertrouwelijkheid; the rest is left out, not refused. `typeSql` is the SQL expression whose
   * value is matched against `typen`, `vaSql` the row's vertrouwelijkheidaanduiding.
   */
  visible(component: ZgwComponent, scope: string, typeSql: string, vaSql: string): SqlFilter {
    if (this.client.heeftAlleAutorisaties) return { sql: '1', params: [] };
    const parts = this.matching(component, [scope]).map((a) => ({
      sql: `(${a.typen ? `${typeSql} IN (SELECT value FROM json_each(?)) AND ` : ''}${vaSql} IN (SELECT value FROM json_each(?)))`,
      params: [...(a.typen ? [JSON.stringify(a.typen)] : []), JSON.stringify(upTo(a.maxVertrouwelijkheidaanduiding))],
    }));
    return parts.length ? { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) } : { sql: '0', params: [] };
  }
}

const autorisaties = new WeakMap<FastifyRequest, Autorisaties>();
export const setAutorisaties = (req: FastifyRequest, client: ZgwClient): void => void autorisaties.set(req, new Autorisaties(client));
/** The authenticated client's autorisaties; a route behind the ZGW JWT always has them. */
export function autorisatiesOf(req: FastifyRequest): Autorisaties {
  const found = autorisaties.get(req);
  if (!found) throw denied('not_authenticated', 'Authenticatiegegevens zijn niet opgegeven.');
  return found;
}

/** The clients the demo knows: the configured one with what Klantbeeld needs, then any others (a later one with the same id replaces it). */
export function clientsOf(credentials: { zgwClientId: string; zgwSecret: string; zgwClients?: readonly ZgwClient[] }): ReadonlyMap<string, ZgwClient> {
  const all: ZgwClient[] = [{ clientId: credentials.zgwClientId, secret: credentials.zgwSecret, autorisaties: KLANTBEELD_AUTORISATIES }, ...(credentials.zgwClients ?? [])];
  return new Map(all.map((c) => [c.clientId, c]));
}
