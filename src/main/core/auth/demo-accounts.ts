/**
 * The demo users of the embedded demo zaaksysteem Turfbrug (README, "Demo-gebruikers"): one per
 * role, password `turfbrug-<account>`. Only offered when the embedded demo runs and no accounts
 * are configured. The hashes are ordinary scrypt hashes (password.ts), made once.
 */
import type { LocalAccount } from './config';

const TELEFOON = '0512140512';

export const DEMO_ACCOUNTS: readonly LocalAccount[] = [
  {
    account: 'bianca', id: 'bianca.de.vries', naam: 'Bianca de Vries', email: 'bianca.de.vries@turfbrug.nl',
    roles: ['kcc'], groepen: ['KCC'], functie: 'Klantcontactmedewerker', telefoonnummer: TELEFOON,
    wachtwoordHash: '$scrypt$ln=15,r=8,p=1$4wexiBRFHztzIKv+fQjEBw$390bHMMNwxw+kjq8+MbZWse9DWgITREqzBMs62OtUkA',
  },
  {
    account: 'kevin', id: 'kevin.mulder', naam: 'Kevin Mulder', email: 'kevin.mulder@turfbrug.nl',
    roles: ['kcc'], groepen: ['KCC'], functie: 'Klantcontactmedewerker', telefoonnummer: TELEFOON,
    wachtwoordHash: '$scrypt$ln=15,r=8,p=1$dUyu9EN5uK4XttUeBJoQAw$7xPg8qZ6kWgEdGBNZsI0BvDboHAZBIWTM2D5Sk3REwg',
  },
  {
    account: 'marloes', id: 'marloes.kuipers', naam: 'Marloes Kuipers', email: 'marloes.kuipers@turfbrug.nl',
    roles: ['teamleider'], groepen: ['KCC'], functie: 'Teamleider KCC', telefoonnummer: TELEFOON,
    wachtwoordHash: '$scrypt$ln=15,r=8,p=1$Petbl7zDDOHZVLA8unwXyg$q0Tz8001HeQZolL/zdfhzG9DzLw5T796JJoN4akehJo',
  },
  {
    account: 'fatima', id: 'fatima.bouzid', naam: 'Fatima Bouzid', email: 'fatima.bouzid@turfbrug.nl',
    roles: ['balie'], groepen: ['BALIE'], functie: 'Baliemedewerker', telefoonnummer: TELEFOON,
    wachtwoordHash: '$scrypt$ln=15,r=8,p=1$GTy6wnAr3zNUbMZOM7VWIw$00XszaMa+uxsgIgHZUzK7e9oQDoUyU1wxF9DlEz/ghw',
  },
  {
    account: 'sanne', id: 'sanne.van.dijk', naam: 'Sanne van Dijk', email: 'sanne.van.dijk@turfbrug.nl',
    roles: ['kcc', 'kennisredacteur'], groepen: ['KCC'], functie: 'Kennisredacteur', telefoonnummer: TELEFOON,
    wachtwoordHash: '$scrypt$ln=15,r=8,p=1$WxSRWb8nHgm5PZ6EDOypog$gAXuy49rjjd08BBHvbbTDJxZVDVYvquoupyU9RpWVyA',
  },
  {
    account: 'beheer', id: 'beheer', naam: 'Functioneel beheer', email: 'beheer@turfbrug.nl',
    roles: ['beheerder'], groepen: [], functie: 'Functioneel beheerder', telefoonnummer: TELEFOON,
    wachtwoordHash: '$scrypt$ln=15,r=8,p=1$GXZCrN0Q8wd4iYSI4PJBtQ$JEnUqsPIwpQVxdiN1TLhpRVBwgWxCRpcPs1kruOOPuU',
  },
];
