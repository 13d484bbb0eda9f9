/**
 * The request check of tests/support/spec-validator.ts (`requestViolations`), used on every
 * request the demo receives in the integration suites (tests/support/spec-traffic.ts): it must
 * refuse what the specs refuse, or those suites prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { requestViolations } from '../../support/spec-validator';

const KI = { authorization: 'Token abc' };
const ZGW = { authorization: 'Bearer a.b.c', 'content-type': 'application/json', 'content-crs': 'EPSG:4326' };

describe('requests checked against the specs', () => {
  it('query parameters: unknown names, wrong types and values outside the enum', () => {
    const found = requestViolations('klantinteracties', 'GET', '/klantinteracties/api/v1/klantcontacten?expand=hadBetrokkenen,onzin&page=x&bogus=1', KI, undefined);
    expect(found).toEqual([
      expect.stringMatching(/query expand=hadBetrokkenen,onzin: .*allowed values/),
      expect.stringMatching(/query page=x: .*integer/),
      expect.stringMatching(/query bogus: not a parameter of this operation/),
    ]);
    expect(requestViolations('klantinteracties', 'GET', '/klantinteracties/api/v1/klantcontacten?expand=hadBetrokkenen,gingOverOnderwerpobjecten&page=2', KI, undefined)).toEqual([]);
  });

  it('a URL reference filter the spec mistypes as integer is checked as a URI', () => {
    expect(requestViolations('catalogi', 'GET', '/catalogi/api/v1/roltypen?zaaktype=http%3A%2F%2Fx.example%2Fzaaktypen%2F1', ZGW, undefined)).toEqual([]);
    expect(requestViolations('catalogi', 'GET', '/catalogi/api/v1/roltypen?zaaktype=geen-url', ZGW, undefined)).toEqual([expect.stringMatching(/query zaaktype=geen-url/)]);
  });

  it('headers: Content-Crs required on a Zaken write, Accept-Crs only EPSG:4326, Authorization as the security scheme asks', () => {
    const zaak = { bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', zaaktype: 'http://x.example/zaaktypen/1', startdatum: '2026-12-01' };
    expect(requestViolations('zaken', 'POST', '/zaken/api/v1/zaken', ZGW, zaak)).toEqual([]);
    const { 'content-crs': _crs, ...withoutCrs } = ZGW;
    expect(requestViolations('zaken', 'POST', '/zaken/api/v1/zaken', withoutCrs, zaak)).toEqual([expect.stringMatching(/header Content-Crs: required, missing/)]);
    expect(requestViolations('zaken', 'GET', '/zaken/api/v1/zaken', { ...ZGW, 'accept-crs': 'EPSG:28992' }, undefined)).toEqual([expect.stringMatching(/header Accept-Crs/)]);
    expect(requestViolations('zaken', 'GET', '/zaken/api/v1/zaken', {}, undefined)).toEqual([expect.stringMatching(/header Authorization: missing/)]);
    expect(requestViolations('klantinteracties', 'GET', '/klantinteracties/api/v1/partijen', { authorization: 'Bearer x' }, undefined)).toEqual([expect.stringMatching(/header Authorization: not as the security scheme asks/)]);
  });

  it('bodies, and paths or methods the spec does not have', () => {
    expect(requestViolations('zaken', 'POST', '/zaken/api/v1/zaken', ZGW, { bronorganisatie: '002220647' })).toEqual([expect.stringMatching(/startdatum/)]);
    expect(requestViolations('klantinteracties', 'DELETE', '/klantinteracties/api/v1/maak-klantcontact', KI, undefined)).toEqual([expect.stringMatching(/staat niet in de spec/)]);
    expect(requestViolations('klantinteracties', 'GET', '/klantinteracties/api/v1/bestaat-niet', KI, undefined)).toEqual([expect.stringMatching(/geen pad in de spec/)]);
  });
});
