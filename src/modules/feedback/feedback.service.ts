import { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { FeedbackEntity } from './entities/feedback.entity';
import { FeedbackNotFoundException, InvalidCursorException } from './feedback.exception';
import {
  FeedbackCursor,
  FeedbackFilter,
  FeedbackRepository,
  FeedbackText,
  TextFilters,
} from './feedback.repository';

export interface FeedbackPage {
  items: FeedbackEntity[];
  nextCursor: string | null;
}

/** Reading stored feedback: one item, filtered pages, a customer's history. */
@Injectable()
export class FeedbackService {
  constructor(private readonly repository: FeedbackRepository) {}

  async get(id: string): Promise<FeedbackEntity> {
    const item = await this.repository.findById(id);
    if (!item) throw new FeedbackNotFoundException(id);
    return item;
  }

  findByIds(ids: string[]): Promise<FeedbackEntity[]> {
    return this.repository.findByIds(ids);
  }

  async list(filter: FeedbackFilter, limit = 50, cursor?: string): Promise<FeedbackPage> {
    const items = await this.repository.list(filter, limit + 1, cursor ? decodeCursor(cursor) : undefined);
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor:
        items.length > limit && last ? encodeCursor({ occurredAt: last.occurredAt, id: last.id }) : null,
    };
  }

  setAnalysisStatus(
    ids: string[],
    status: 'pending' | 'analysed' | 'failed' | 'skipped',
    error: string | null = null,
    /** The caller's transaction, when the statuses must commit with its writes. */
    manager?: EntityManager,
  ): Promise<void> {
    return this.repository.setAnalysisStatus(ids, status, error, manager);
  }

  /** Items that came without a language get the one the analysis detected, in the caller's transaction. */
  async fillLanguages(languageOf: ReadonlyMap<string, string>, manager: EntityManager): Promise<void> {
    const byLanguage = new Map<string, string[]>();
    for (const [id, language] of languageOf)
      byLanguage.set(language, [...(byLanguage.get(language) ?? []), id]);
    for (const [language, ids] of byLanguage) await this.repository.fillLanguage(ids, language, manager);
  }

  findIds(filter: FeedbackFilter, limit: number, afterId?: string): Promise<string[]> {
    return this.repository.findIds(filter, limit, afterId);
  }

  findStalePending(receivedBefore: Date, limit: number): Promise<string[]> {
    return this.repository.findStalePending(receivedBefore, limit);
  }

  findTexts(from: Date, to: Date, limit: number, filters?: TextFilters): Promise<FeedbackText[]> {
    return this.repository.findTexts(undefined, from, to, limit, filters);
  }

  forCustomer(customerId: string, limit = 500): Promise<FeedbackEntity[]> {
    return this.repository.findByCustomer(customerId, limit);
  }
}

function encodeCursor(c: FeedbackCursor): string {
  return Buffer.from(`${c.occurredAt.getTime()}|${c.id}`).toString('base64url');
}

function decodeCursor(cursor: string): FeedbackCursor {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = Number(ms);
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || !Number.isFinite(at)) throw new InvalidCursorException();
  return { occurredAt: new Date(at), id };
}
