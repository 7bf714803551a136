import { userInfo } from 'node:os';
import { DEFAULT_ACCESS_RULE_CLAIM, isRole, ROLES, type Role } from '@lis/contracts';
import { type Command, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { loadConfig } from '../config.ts';
import {
  AccessSetupError,
  createToken,
  createUser,
  disableUser,
  enableUser,
  endUserSessions,
  resetPassword,
  revokeToken,
} from '../modules/auth/auth.service.ts';
import { passwordProblem } from '../modules/auth/password-policy.ts';
import { addAccessRule, listRules, listUsers, removeAccessRule } from '../modules/auth/users.service.ts';
import { setUserEmail } from '../modules/notifications/notifications.service.ts';
import { printAccessRules, printUsers } from './access-tables.ts';
import { openLocal } from './backend.ts';
import { readSecret } from './secret-input.ts';

const roleOption = (value: string): Role => {
  if (!isRole(value)) throw new InvalidArgumentError(`roles are ${ROLES.join(', ')}`);
  return value;
};
const collect = (value: string, previous: string[]) => [...previous, value];
const ruleId = (value: string) => {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new InvalidArgumentError('a rule id is a positive whole number (lis access-rule list)');
  return id;
};

async function withAuth<T>(
  run: (ctx: { db: Awaited<ReturnType<typeof openLocal>>['store']['db']; municipality: string }) => Promise<T>,
) {
  const config = loadConfig();
  const opened = await openLocal(config);
  try {
    return await run({ db: opened.store.db, municipality: config.municipality });
  } finally {
    await opened.close();
  }
}

/** Who runs the command, for the audit log. */
const cliActor = () => ({ name: `cli:${userInfo().username}` });
/** Before the store is opened (seconds on the embedded store); the service checks again. */
const refuseWeak = (password: string, username: string) => {
  const problem = passwordProblem(password, username);
  if (problem) throw new AccessSetupError(problem);
};
const sessions = (n: number) => `${n} open session${n === 1 ? '' : 's'}`;

/** `lis user list|add|disable|enable|reset-password|end-sessions`, `lis access-rule list|add|remove` and `lis token create|revoke`. */
export function registerAccessCommands(program: Command): void {
  const user = program.command('user').description('people who sign in');
  user
    .command('list')
    .description('every user: role, units, source, disabled, last sign-in, active sessions')
    .action(async () => printUsers(await withAuth((ctx) => listUsers(ctx))));
  user
    .command('add')
    .description('add a user; the password is read from stdin or asked for')
    .argument('<username>')
    .requiredOption('--role <role>', ROLES.join(' | '), roleOption)
    .option('--org <orgId>', 'org unit a chef may read (repeat for more)', collect, [])
    .option('--name <displayName>', 'the name shown in the app')
    .option('--email <address>', 'where their e-mail notifications go')
    .action(async (username: string, options: { role: Role; org: string[]; name?: string; email?: string }) => {
      const password = await readSecret(`Password for ${username}: `);
      refuseWeak(password, username);
      await withAuth(async (ctx) => {
        await createUser(ctx, {
          username,
          role: options.role,
          password,
          orgIds: options.org,
          ...(options.name ? { displayName: options.name } : {}),
        });
        if (options.email) await setUserEmail(ctx, username, options.email, cliActor());
      });
      console.log(
        `${pc.green('✓')} Added ${username} as ${options.role}${options.org.length ? ` for ${options.org.join(', ')}` : ''}.`,
      );
    });

  user
    .command('set-email')
    .description('set where a user\'s e-mail notifications go ("" removes the address)')
    .argument('<username>')
    .argument('<email>')
    .action(async (username: string, email: string) => {
      await withAuth((ctx) => setUserEmail(ctx, username, email || null, cliActor()));
      console.log(
        `${pc.green('✓')} ${email ? `Notifications for ${username} go to ${email}` : `${username} has no e-mail address now`}.`,
      );
    });
  user
    .command('disable')
    .description('stop a user from signing in; their open sessions end now')
    .argument('<username>')
    .action(async (username: string) => {
      const ended = await withAuth((ctx) => disableUser(ctx, username, cliActor()));
      console.log(`${pc.green('✓')} Disabled ${username} and ended ${sessions(ended)}.`);
    });
  user
    .command('enable')
    .description('let a disabled user sign in again')
    .argument('<username>')
    .action(async (username: string) => {
      await withAuth((ctx) => enableUser(ctx, username, cliActor()));
      console.log(`${pc.green('✓')} Enabled ${username}.`);
    });
  user
    .command('reset-password')
    .description("set a new password, read from stdin or asked for; the user's open sessions end")
    .argument('<username>')
    .action(async (username: string) => {
      const password = await readSecret(`New password for ${username}: `);
      refuseWeak(password, username);
      const ended = await withAuth((ctx) => resetPassword(ctx, username, password, cliActor()));
      console.log(`${pc.green('✓')} Set a new password for ${username} and ended ${sessions(ended)}.`);
    });
  user
    .command('end-sessions')
    .description('sign a user out everywhere')
    .argument('<username>')
    .action(async (username: string) => {
      const ended = await withAuth((ctx) => endUserSessions(ctx, username, cliActor()));
      console.log(`${pc.green('✓')} Ended ${sessions(ended)} of ${username}.`);
    });

  const rule = program
    .command('access-rule')
    .description("which role (and units) a claim value of the identity provider gives, e.g. a group's id");
  rule
    .command('list')
    .description('the rules, by claim and value')
    .action(async () => printAccessRules(await withAuth((ctx) => listRules(ctx))));
  rule
    .command('add')
    .description('add a rule: people whose claim holds the value get the role (a chef: the units) at their next sign-in')
    .option('--claim <claim>', 'the ID token claim to look in', DEFAULT_ACCESS_RULE_CLAIM)
    .requiredOption('--value <value>', "the claim's value, e.g. the group's object id")
    .requiredOption('--role <role>', ROLES.join(' | '), roleOption)
    .option('--org <orgId>', 'org unit a chef rule gives (repeat for more)', collect, [])
    .option('--note <note>', "what the rule is for, e.g. the group's name")
    .action(async (options: { claim: string; value: string; role: Role; org: string[]; note?: string }) => {
      const added = await withAuth((ctx) =>
        addAccessRule(
          ctx,
          { claim: options.claim, value: options.value, role: options.role, orgIds: options.org, note: options.note ?? null },
          cliActor(),
        ),
      );
      const units = added.orgIds.length ? ` for ${added.orgIds.join(', ')}` : '';
      console.log(`${pc.green('✓')} Added rule ${added.id}: ${added.claim} = ${added.value} gives ${added.role}${units}.`);
    });
  rule
    .command('remove')
    .description('remove a rule; people it gave access keep their role until their next sign-in')
    .argument('<id>', 'the rule id (lis access-rule list)', ruleId)
    .action(async (id: number) => {
      const removed = await withAuth((ctx) => removeAccessRule(ctx, id, cliActor()));
      console.log(`${pc.green('✓')} Removed rule ${id} (${removed.claim} = ${removed.value}).`);
    });

  const token = program.command('token').description('API tokens for machines (Authorization: Bearer …)');
  token
    .command('create')
    .description('create a token and print it once (only its hash is kept)')
    .requiredOption('--name <name>', 'what the token is for, e.g. "prisme-export"')
    .requiredOption('--role <role>', ROLES.join(' | '), roleOption)
    .option('--org <orgId>', 'org unit a chef token may read (repeat for more)', collect, [])
    .action(async (options: { name: string; role: Role; org: string[] }) => {
      const secret = await withAuth((ctx) => createToken(ctx, { name: options.name, role: options.role, orgIds: options.org }));
      console.error(pc.dim(`Token "${options.name}" (${options.role}). It is shown only this once:`));
      console.log(secret);
    });
  token
    .command('revoke')
    .description('revoke a token; requests with it are refused from now on')
    .argument('[name]', 'the token name')
    .option('--name <name>', 'the token name')
    .action(async (name: string | undefined, options: { name?: string }) => {
      const target = name ?? options.name;
      if (!target) throw new InvalidArgumentError('give the token name: lis token revoke <name>');
      await withAuth((ctx) => revokeToken(ctx, target));
      console.log(`${pc.green('✓')} Revoked token ${target}.`);
    });
}
