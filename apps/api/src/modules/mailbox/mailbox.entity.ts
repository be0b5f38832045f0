import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where the hub stands in one IMAP folder: the folder's UIDVALIDITY and the last UID it processed there. */
export interface FolderCursor {
  uidValidity: string;
  lastUid: number;
}

/** The folders read, resolved from the IMAP special-use flags (names as fallback) or set by the seller. */
export interface MailboxFolders {
  inbox: string;
  junk: string | null;
  sent: string | null;
}

/** A seller's mailbox the hub reads over IMAP. The password is stored encrypted and never returned. */
@Entity('mailbox')
export class MailboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  host: string;

  @Column({ type: 'integer' })
  port: number;

  /** TLS from the first byte (993); false: plain (143, for local servers). */
  @Column({ type: 'boolean', default: true })
  secure: boolean;

  @Column({ type: 'varchar', length: 320 })
  username: string;

  @Column({ name: 'password_encrypted', type: 'bytea' })
  passwordEncrypted: Buffer;

  /** Folder names the seller chose (null: found from the server's flags and names). */
  @Column({ name: 'junk_folder', type: 'varchar', length: 255, nullable: true })
  junkFolder: string | null;

  @Column({ name: 'sent_folder', type: 'varchar', length: 255, nullable: true })
  sentFolder: string | null;

  /** The folders found at the last connection. */
  @Column({ type: 'jsonb', default: () => `'{"junk": null, "sent": null, "inbox": "INBOX"}'` })
  folders: MailboxFolders;

  /** Per folder name: UIDVALIDITY and the last UID processed. */
  @Column({ name: 'folder_cursors', type: 'jsonb', default: () => "'{}'" })
  folderCursors: Record<string, FolderCursor>;

  /** The channel accounts whose mail arrives here (empty: any). */
  @Column({ name: 'account_ids', type: 'uuid', array: true, default: () => "'{}'" })
  accountIds: string[];

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
