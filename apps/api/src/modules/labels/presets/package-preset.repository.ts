import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { PackagePresetEntity } from './package-preset.entity';

/** The only way into the `package_preset` table. */
@Injectable()
export class PackagePresetRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private presets(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(PackagePresetEntity);
  }

  /** Every preset, the default first, then by name. */
  all(em?: EntityManager): Promise<PackagePresetEntity[]> {
    return this.presets(em).find({ order: { isDefault: 'DESC', name: 'ASC' } });
  }

  findById(id: string, em?: EntityManager): Promise<PackagePresetEntity | null> {
    return this.presets(em).findOneBy({ id });
  }

  findByName(name: string, em?: EntityManager): Promise<PackagePresetEntity | null> {
    return this.presets(em).findOneBy({ name });
  }

  save(row: Partial<PackagePresetEntity>, em: EntityManager): Promise<PackagePresetEntity> {
    return this.presets(em).save(this.presets(em).create(row));
  }

  /** Makes no preset but `keepId` the default (before another becomes it: one default at a time). */
  async clearDefault(keepId: string | null, em: EntityManager): Promise<void> {
    await this.presets(em).update(keepId ? { isDefault: true, id: Not(keepId) } : { isDefault: true }, {
      isDefault: false,
    });
  }

  async delete(id: string, em: EntityManager): Promise<boolean> {
    return ((await this.presets(em).delete({ id })).affected ?? 0) > 0;
  }
}
