import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { parcelFor, type ParcelChoice } from '@order-hub/rules';
import type { LabelParcel } from '@order-hub/types';
import { BadUserInputError, ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { SkuWeightsService } from 'src/modules/catalog/sku-weights.service';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { LabelParcels, type ParcelSource } from '../label-parcels';
import type { PackagePresetEntity } from './package-preset.entity';
import { PackagePresetRepository } from './package-preset.repository';

export interface PresetInput {
  id?: string | null;
  name: string;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  boxWeightOz: number;
  skus: string[];
  isDefault: boolean;
}

/** The rules' choice, whose preset is the stored row. */
export type PresetChoice = ParcelChoice & { preset: PackagePresetEntity };

/**
 * Package presets, and the parcel they propose for an order (rules' parcelFor over the order's open units and the
 * catalogue's SKU weights). Registers itself as the core's parcel source, which cannot import it.
 */
@Injectable()
export class LabelPresetsService implements ParcelSource, OnModuleInit {
  constructor(
    private readonly presets: PackagePresetRepository,
    private readonly weights: SkuWeightsService,
    private readonly orders: OrderRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const registry = this.moduleRef.get(LabelParcels, { strict: false });
    registry.register(this);
  }

  list(): Promise<PackagePresetEntity[]> {
    return this.presets.all();
  }

  /** Creates the preset (no id) or replaces it; a default preset takes the mark from the one before. */
  save(input: PresetInput, actor: string): Promise<PackagePresetEntity> {
    return this.tx.run(async (em) => {
      const before = input.id ? await this.presets.findById(input.id, em) : null;
      if (input.id && !before) throw new NotFoundError('Package preset', input.id);
      const clash = await this.presets.findByName(input.name, em);
      if (clash && clash.id !== input.id)
        throw new BadUserInputError('name', `a preset named "${input.name}" already exists.`);
      if (input.isDefault) await this.presets.clearDefault(input.id ?? null, em);
      const saved = await this.presets.save(
        {
          ...(input.id ? { id: input.id } : {}),
          name: input.name,
          lengthIn: input.lengthIn,
          widthIn: input.widthIn,
          heightIn: input.heightIn,
          boxWeightOz: input.boxWeightOz,
          skus: [...new Set(input.skus)],
          isDefault: input.isDefault,
        },
        em,
      );
      await this.audit.record(em, {
        actor,
        action: before ? 'labels.preset_updated' : 'labels.preset_created',
        entityType: 'package_preset',
        entityId: saved.id,
        before: before ? presetFacts(before) : undefined,
        after: presetFacts(saved),
      });
      return saved;
    });
  }

  delete(id: string, actor: string): Promise<boolean> {
    return this.tx.run(async (em) => {
      const before = await this.presets.findById(id, em);
      if (!before) throw new NotFoundError('Package preset', id);
      await this.presets.delete(id, em);
      await this.audit.record(em, {
        actor,
        action: 'labels.preset_deleted',
        entityType: 'package_preset',
        entityId: id,
        before: presetFacts(before),
      });
      return true;
    });
  }

  /** The preset the rules pick for the order's open units, with their weight when every SKU has one. */
  async choiceForOrder(orderId: string): Promise<PresetChoice | null> {
    const { accountId, lines } = await this.openLines(orderId);
    const weights = await this.weights.weightsOf(
      accountId,
      lines.map((l) => l.sku),
    );
    return parcelFor(lines, await this.presets.all(), weights) as PresetChoice | null;
  }

  async parcelForOrder(orderId: string): Promise<LabelParcel | null> {
    const choice = await this.choiceForOrder(orderId);
    if (!choice) return null;
    if (!choice.parcel) throw missingWeights('parcel', choice.preset.name, choice.missingWeights);
    return choice.parcel;
  }

  async parcelOfPreset(presetId: string, orderId: string): Promise<LabelParcel> {
    const preset = await this.presets.findById(presetId);
    if (!preset) throw new BadUserInputError('presetId', 'no such package preset.');
    const { accountId, lines } = await this.openLines(orderId);
    const weights = await this.weights.weightsOf(
      accountId,
      lines.map((l) => l.sku),
    );
    const choice = parcelFor(lines, [{ ...preset, skus: [], isDefault: true }], weights)!;
    if (!choice.parcel) throw missingWeights('presetId', preset.name, choice.missingWeights);
    return choice.parcel;
  }

  private async openLines(orderId: string): Promise<{ accountId: string; lines: { sku: string; quantity: number }[] }> {
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundError('Order', orderId);
    const lines = (await this.orders.linesOf(orderId))
      .map((l) => ({ sku: l.sku, quantity: l.quantityOrdered - l.quantityShipped - l.quantityCancelled }))
      .filter((l) => l.quantity > 0);
    if (lines.length === 0) throw new ConflictError(`Order ${order.channelOrderId} has nothing left to ship.`);
    return { accountId: order.accountId, lines };
  }
}

function missingWeights(field: string, preset: string, skus: string[]): BadUserInputError {
  const named = skus.slice(0, 5).join(', ') + (skus.length > 5 ? ` and ${skus.length - 5} more` : '');
  return new BadUserInputError(
    field,
    `the weight of ${named} is unknown, so the "${preset}" box cannot be weighed: set the SKU weight in Settings, or give the parcel's weight.`,
  );
}

const presetFacts = (p: PackagePresetEntity) => ({
  name: p.name,
  lengthIn: p.lengthIn,
  widthIn: p.widthIn,
  heightIn: p.heightIn,
  boxWeightOz: p.boxWeightOz,
  skus: p.skus,
  isDefault: p.isDefault,
});
