/**
 * Who may do what, written by hand from the domain (/work/shared/design/domain.md "Roles",
 * docs/security-privacy.md "Who may see it", docs/teamleider.md, docs/kennisbank.md,
 * docs/privacy.md), one line per operation with the reason. It is the role matrix's oracle and
 * deliberately does not read the contract's `roles`: when the two disagree, the matrix fails
 * (tests/integration/security/role-matrix.test.ts). A new operation needs a line here.
 */
import type { Role } from '../../src/shared/roles';

export interface Rule {
  may: readonly Role[];
  why: string;
}

// Spelled out here, not imported from src/shared/roles: the oracle must not move with the code.
const balie: Role = 'balie';
const kcc: Role = 'kcc';
const teamleider: Role = 'teamleider';
const kennisredacteur: Role = 'kennisredacteur';
const beheerder: Role = 'beheerder';

/** domain.md: "balie, kcc: search and open customers, register contacts, create callbacks and zaken, read the kennisbank, handle callbacks"; teamleider: "all of the above". */
const frontOffice = [balie, kcc, teamleider];
const everyone = [balie, kcc, teamleider, kennisredacteur, beheerder];
/** Reading the kennisbank: the front office uses it, the kennisredacteur manages what it says. */
const kennisReaders = [...frontOffice, kennisredacteur];

export const POLICY: Readonly<Record<string, Rule>> = {
  // Signing in is for everyone with an account; it runs before anyone is signed in.
  'auth.status': { may: everyone, why: 'the sign-in screen asks it before anyone is signed in' },
  'auth.signIn': { may: everyone, why: 'every role signs in' },
  'auth.startOidc': { may: everyone, why: 'every role signs in (or unlocks) with the organisation account' },
  'auth.signOut': { may: everyone, why: 'every role signs out' },
  'auth.lock': { may: everyone, why: 'everyone locks their screen when leaving the desk' },
  'auth.unlock': { may: everyone, why: 'everyone unlocks their own screen' },
  'auth.touch': { may: everyone, why: 'activity keeps anyone’s screen from locking' },
  'app.info': { may: everyone, why: 'who is signed in and what the app offers: the shell of every role' },
  'sync.status': { may: everyone, why: 'the connection status shows in every role’s window; it holds no personal data' },

  // The customer: the front office identifies and serves the person in front of them.
  'customers.search': { may: frontOffice, why: 'domain: balie and kcc search customers' },
  'customers.searchRemote': { may: frontOffice, why: 'domain: searching customers, also those not yet cached' },
  'customers.fromRegister': { may: frontOffice, why: 'issue 12: the clerk serving a resident only the BRP knows registers them as a customer to record the contact' },
  'customers.open': { may: frontOffice, why: 'domain: balie and kcc open the customer picture' },
  'customers.revealBsn': { may: frontOffice, why: 'the clerk checks the BSN against the ID document; a beheerder serves no customer and sees BSNs only in the verwerkingenlog' },
  'customers.screenPop': { may: frontOffice, why: 'domain: the KCC agent gets the caller’s picture on an incoming call' },
  'customers.forget': { may: frontOffice, why: 'security-privacy.md: "Vergeet deze persoon" is a front-office action on the customer picture' },

  // Contacts and drafts: the front office registers every contact.
  'contacts.register': { may: frontOffice, why: 'domain: balie and kcc register contacts' },
  'contacts.finish': { may: frontOffice, why: 'domain: registering the vragen of one contact' },
  'drafts.save': { may: frontOffice, why: 'notes that survive a dropped call belong to the clerk registering the contact' },
  'drafts.list': { may: frontOffice, why: 'the clerk’s own open contacts, restored on start' },
  'drafts.discard': { may: frontOffice, why: 'the clerk closes their own open contact' },

  // Zaken: the front office sees a customer's zaken and may start one.
  'zaken.detail': { may: frontOffice, why: 'domain: the front office sees a customer’s zaken' },
  'zaken.document': { may: frontOffice, why: 'domain: a zaak’s documents are part of seeing it' },
  'zaken.zaaktypen': { may: frontOffice, why: 'domain: choosing the zaaktype when starting a zaak' },
  'zaken.start': { may: frontOffice, why: 'domain: balie and kcc create zaken' },

  // Callbacks: created and handled by the front office; redistributing work is the team leader's.
  'callbacks.create': { may: frontOffice, why: 'domain: balie and kcc create callbacks' },
  'callbacks.list': { may: frontOffice, why: 'domain: handling callbacks assigned to them or their groups needs the queue' },
  'callbacks.get': { may: frontOffice, why: 'domain: handling a callback needs its history' },
  'callbacks.pickUp': { may: frontOffice, why: 'domain: callbacks of their groups are handled by taking them' },
  'callbacks.release': { may: frontOffice, why: 'giving a taken callback back to the group is part of handling it' },
  'callbacks.logAttempt': { may: frontOffice, why: 'domain: call attempts are logged by whoever calls back' },
  'callbacks.handle': { may: frontOffice, why: 'domain: balie and kcc handle callbacks' },
  'callbacks.forward': { may: frontOffice, why: 'domain: "a callback request to the right colleague in one step"' },
  'callbacks.reopen': { may: frontOffice, why: 'undoing one’s own handling is part of handling callbacks' },
  'callbacks.options': { may: frontOffice, why: 'the callback forms of the front office' },
  'callbacks.forCustomer': { may: frontOffice, why: 'the open callbacks on the customer picture' },
  'callbacks.reassign': { may: [teamleider], why: 'domain: redistributing work (reassigning) is the team leader’s, not the clerks’' },

  // The outbox: the clerk corrects and resends their refused writes; the beheerder looks after the link with the zaaksysteem.
  'outbox.list': { may: [...frontOffice, beheerder], why: 'zaaksysteem.md: the clerk or the beheerder corrects and resends a refused message' },
  'outbox.resend': { may: [...frontOffice, beheerder], why: 'zaaksysteem.md: the clerk or the beheerder corrects and resends' },
  'outbox.discard': { may: [...frontOffice, beheerder], why: 'zaaksysteem.md: the clerk or the beheerder discards it on record' },

  // The kennisbank: the front office reads and uses it, the kennisredacteur manages it.
  'kennis.search': { may: kennisReaders, why: 'domain: the front office reads the kennisbank; the kennisredacteur checks what it finds' },
  'kennis.get': { may: kennisReaders, why: 'reading an article, as above' },
  'kennis.news': { may: kennisReaders, why: 'domain: news and werkinstructies for the team; the kennisredacteur manages news' },
  'kennis.markRead': { may: kennisReaders, why: 'whoever reads the news marks it read' },
  'kennis.syncStatus': { may: kennisReaders, why: 'when the kennisbank the reader sees was last refreshed' },
  'kennis.used': { may: frontOffice, why: 'counts an article added to a contact: only those who register contacts' },
  'kennis.feedback': { may: frontOffice, why: 'kennisbank.md: feedback from the clerks for the kennisredacteur' },
  'kennis.feedbackList': { may: [kennisredacteur], why: 'domain: the kennisredacteur manages kennisbank content and reads the feedback on it' },
  'kennis.synonyms': { may: [kennisredacteur], why: 'kennisbank.md: the kennisredacteur edits the synonyms' },
  'kennis.upsertSynonyms': { may: [kennisredacteur], why: 'kennisbank.md: the kennisredacteur edits the synonyms' },

  // The team leader's overview: counts for the team leader only.
  'teamleider.overzicht': { may: [teamleider], why: 'domain: team overviews and reports are the team leader’s' },
  'teamleider.export': { may: [teamleider], why: 'domain: exports are the team leader’s' },

  // The beheerder: audit log reader and the working-day calendar.
  'verwerkingen.list': { may: [beheerder], why: 'domain: the beheerder is the audit log reader' },
  'verwerkingen.verify': { may: [beheerder], why: 'domain: the audit log reader checks the log is intact' },
  'verwerkingen.revealBsn': { may: [beheerder], why: 'privacy.md: the beheerder reveals whom a logged verwerking was about, itself logged' },
  'beheer.kalender': { may: [beheerder], why: 'domain: servicenormen and the working-day calendar are configuration' },
  'beheer.sluitingsdagToevoegen': { may: [beheerder], why: 'domain: the working-day calendar is the beheerder’s' },
  'beheer.sluitingsdagVerwijderen': { may: [beheerder], why: 'domain: the working-day calendar is the beheerder’s' },
};

export const mayPerform = (operation: string, role: Role): boolean => POLICY[operation]?.may.includes(role) ?? false;
