/**
 * `node --import tsx scripts/hash-wachtwoord.ts`: asks for a password (not shown on the
 * terminal; or read from a pipe) and prints its scrypt hash for `auth.accounts[].wachtwoordHash`
 * in klantbeeld.config.json. The password itself is never stored.
 */
import { stdin, stdout } from 'node:process';
import { hashPassword } from '../src/main/core/auth/password';

async function readPassword(): Promise<string> {
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  stdout.write('Wachtwoord: ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  let typed = '';
  for await (const key of stdin) {
    const char = String(key);
    if (char === '\r' || char === '\n') break;
    if (char === '\u0003') process.exit(130); // Ctrl+C
    typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
  }
  stdin.setRawMode(false);
  stdout.write('\n');
  return typed;
}

const password = await readPassword();
if (password.length < 12) {
  process.stderr.write('Kies een wachtwoord van minstens 12 tekens.\n');
  process.exit(1);
}
stdout.write(`${await hashPassword(password)}\n`);
process.exit(0);
