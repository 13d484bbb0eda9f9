export { WerkdagenKalender, KalenderBereikFout, TIJDZONE, type KalenderDag, type KalenderOpties, type Urgentie } from './werkdagen';
export { kalenderBron, kalenderFromConfig, normVoorTeam, type KalenderBron, type KalenderConfig } from './bron';
