import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { MailKind, MailOutcome } from '@order-hub/types';
import { z } from 'zod';

export const MAIL_PAGE_SIZE = 50;
export const MAIL_MAX_PAGE_SIZE = 200;

export const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

@InputType('ConnectMailboxInput')
export class ConnectMailboxInput {
  @Field({ description: 'A name for people: "Orders mailbox".' })
  name: string;

  @Field({ description: 'The IMAP server: imap.example.com.' })
  host: string;

  @Field(() => Int, { defaultValue: 993 })
  port: number;

  @Field({ defaultValue: true, description: 'TLS from the first byte (port 993).' })
  secure: boolean;

  @Field({ description: 'The login name, usually the address.' })
  user: string;

  @Field({ description: 'Stored encrypted; never returned.' })
  password: string;

  @Field(() => String, { nullable: true, description: 'The junk folder, when the server does not flag one.' })
  junkFolder?: string | null;

  @Field(() => String, { nullable: true, description: 'The sent folder, when the server does not flag one.' })
  sentFolder?: string | null;

  @Field(() => [ID], { nullable: true })
  accountIds?: string[] | null;
}

@InputType('UpdateMailboxInput', { description: 'Absent fields are unchanged (the password too).' })
export class UpdateMailboxInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  host?: string | null;

  @Field(() => Int, { nullable: true })
  port?: number | null;

  @Field(() => Boolean, { nullable: true })
  secure?: boolean | null;

  @Field(() => String, { nullable: true })
  user?: string | null;

  @Field(() => String, { nullable: true })
  password?: string | null;

  @Field(() => String, { nullable: true, description: '"" goes back to the folder the server flags.' })
  junkFolder?: string | null;

  @Field(() => String, { nullable: true, description: '"" goes back to the folder the server flags.' })
  sentFolder?: string | null;

  @Field(() => [ID], { nullable: true })
  accountIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
}

@InputType('MailMessageFilter')
export class MailMessageFilter {
  @Field(() => ID, { nullable: true })
  mailboxId?: string | null;

  @Field(() => MailKind, { nullable: true })
  kind?: MailKind | null;

  @Field(() => MailOutcome, { nullable: true })
  outcome?: MailOutcome | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the subject, the sender or the summary.' })
  search?: string | null;
}

@ArgsType()
export class MailMessagesArgs {
  @Field(() => MailMessageFilter, { nullable: true })
  filter?: MailMessageFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: MAIL_PAGE_SIZE,
    description: `Page size, 1 to ${MAIL_MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

const host = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(255, 'is at most 255 characters')
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'must be a host name or an IP address, without a scheme or a path');
const port = z.number().int('must be a whole number').min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535');
const folder = z.string().trim().max(255, 'is at most 255 characters');
const name = z.string().trim().min(1, 'is required').max(200, 'is at most 200 characters');
const user = z.string().trim().min(1, 'is required').max(320, 'is at most 320 characters');
const password = z.string().min(1, 'is required').max(1000, 'is at most 1000 characters');

export const connectMailboxSchema = z.object({
  name,
  host,
  port,
  secure: z.boolean(),
  user,
  password,
  junkFolder: folder.nullish(),
  sentFolder: folder.nullish(),
  accountIds: z.array(uuid).max(100, 'at most 100 accounts').nullish(),
});

export const updateMailboxSchema = z.object({
  name: name.nullish(),
  host: host.nullish(),
  port: port.nullish(),
  secure: z.boolean().nullish(),
  user: user.nullish(),
  password: password.nullish(),
  junkFolder: folder.nullish(),
  sentFolder: folder.nullish(),
  accountIds: z.array(uuid).max(100, 'at most 100 accounts').nullish(),
  enabled: z.boolean().nullish(),
});

export const mailMessagesArgsSchema = z.object({
  filter: z
    .object({
      mailboxId: uuid.nullish(),
      kind: z.enum(MailKind).nullish(),
      outcome: z.enum(MailOutcome).nullish(),
      orderId: uuid.nullish(),
      search: z.string().trim().max(200, 'is at most 200 characters').nullish(),
    })
    .nullish(),
  first: z
    .number()
    .int('must be a whole number')
    .min(1, `must be 1 to ${MAIL_MAX_PAGE_SIZE}`)
    .max(MAIL_MAX_PAGE_SIZE, `must be 1 to ${MAIL_MAX_PAGE_SIZE}`)
    .nullish(),
  after: z.string().max(500, 'is not a cursor returned by this list.').nullish(),
});
