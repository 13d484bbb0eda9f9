/** Sign-in, the lock screen, the idle warning and the user menu. */
import type nl from './auth.nl';

const auth: typeof nl = {
  loading: 'Starting Klantbeeld…',
  unreachable: 'Klantbeeld cannot be reached.',
  retry: 'Try again',
  signIn: {
    title: 'Sign in to Klantbeeld',
    intro: "Sign in with your municipality's account.",
    account: 'Account',
    wachtwoord: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    or: 'or',
    failed: 'Signing in did not work.',
    noMethod: 'No way to sign in is set up on this workstation. Please contact application management.',
    required: 'Please fill in your {veld}.',
    capsLock: 'Caps Lock is on.',
  },
  oidc: {
    button: "Sign in with your organisation's account",
    buttonWith: "Sign in with your organisation's account ({label})",
    unlock: "Unlock with your organisation's account",
    busy: 'Opening the sign-in page…',
    waitingShell: 'Continue in your web browser. Klantbeeld carries on by itself once you have signed in there.',
    waitingTab: "Continue in the new tab. Don't see it? Open the sign-in page:",
    link: "Your organisation's sign-in page",
    failed: 'Signing in through your organisation is not possible right now.',
  },
  lock: {
    title: 'Screen locked',
    inactief: 'Locked after {tijd} without activity.',
    minuten: '{n} minute | {n} minutes',
    seconden: '{n} second | {n} seconds',
    handmatig: 'You locked the screen.',
    whose: 'Signed in as {naam}',
    drafts: 'Your open contacts are kept and will be there when you unlock.',
    wachtwoord: 'Password',
    unlock: 'Unlock',
    busy: 'Unlocking…',
    failed: 'Unlocking did not work.',
    otherUser: 'Someone else? Sign {naam} out first.',
    signOut: 'Sign out',
  },
  idle: {
    title: 'Klantbeeld will lock soon',
    body: 'You have been inactive for a while. The screen locks in {n} seconds.',
    stay: "I'm still here",
  },
  menu: {
    open: ', user menu',
    roles: 'Roles: {roles}',
    lock: 'Lock screen',
    signOut: 'Sign out',
    fixed: 'Fixed user (development mode)',
  },
  shortcutLock: 'Lock screen',
};

export default auth;
