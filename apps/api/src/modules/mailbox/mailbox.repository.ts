import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type FolderCursor, MailboxEntity } from './mailbox.entity';

/** The mailbox rows (settings, folders and per-folder cursors). */
@Injectable()
export class MailboxRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(MailboxEntity);
  }

  list(): Promise<MailboxEntity[]> {
    return this.repo.find({ order: { name: 'ASC', createdAt: 'ASC' } });
  }

  listEnabled(): Promise<MailboxEntity[]> {
    return this.repo.find({ where: { enabled: true }, order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<MailboxEntity | null> {
    return this.repo.findOneBy({ id });
  }

  save(row: Partial<MailboxEntity>): Promise<MailboxEntity> {
    return this.repo.save(this.repo.create(row));
  }

  async remove(id: string): Promise<boolean> {
    return ((await this.repo.delete({ id })).affected ?? 0) > 0;
  }

  /** Records where the hub stands in one folder (after each message, so a crash never repeats much). */
  async setCursor(id: string, folder: string, cursor: FolderCursor): Promise<void> {
    await this.ds.query(
      `UPDATE mailbox SET folder_cursors = folder_cursors || jsonb_build_object($2::text, $3::jsonb) WHERE id = $1`,
      [id, folder, JSON.stringify(cursor)],
    );
  }

  async setFolders(id: string, folders: MailboxEntity['folders']): Promise<void> {
    await this.repo.update({ id }, { folders });
  }
}
