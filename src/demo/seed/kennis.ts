// Kennisbank of the fictional municipality Turfbrug: 150 kennisartikelen for the demo
// zaaksysteem and for measuring search quality. Stands alone: imports nothing from the app.
import { afval } from './kennis/afval';
import { belastingen } from './kennis/belastingen';
import { burgerzakenPersoonsgegevens } from './kennis/burgerzaken-persoonsgegevens';
import { burgerzakenReisdocumenten } from './kennis/burgerzaken-reisdocumenten';
import { dienstverlening } from './kennis/dienstverlening';
import { openbareRuimte } from './kennis/openbare-ruimte';
import { parkeren } from './kennis/parkeren';
import { sociaalDomeinInkomen } from './kennis/sociaal-domein-inkomen';
import { sociaalDomeinZorg } from './kennis/sociaal-domein-zorg';
import type { KennisArtikelSeed } from './kennis/types';
import { vergunningen } from './kennis/vergunningen';

export { KENNIS_AFDELINGEN } from './kennis/types';
export type { KennisAfdeling, KennisArtikelSeed, KennisKanaal, KennisSectie } from './kennis/types';

export const kennisartikelen: KennisArtikelSeed[] = [
  ...burgerzakenReisdocumenten,
  ...burgerzakenPersoonsgegevens,
  ...belastingen,
  ...vergunningen,
  ...parkeren,
  ...sociaalDomeinInkomen,
  ...sociaalDomeinZorg,
  ...afval,
  ...openbareRuimte,
  ...dienstverlening,
];
