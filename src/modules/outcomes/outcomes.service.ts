import { Injectable } from '@nestjs/common';
import { InvalidCursorException } from '../feedback/feedback.exception';
import { OutcomeEntity } from './entities/outcome.entity';
import { OutcomeNotFoundException } from './outcomes.exception';
import { OutcomeCursor, OutcomeFilter, OutcomeRepository } from './outcome.repository';

/** Reading stored outcome events: one, filtered pages, a customer's. */
@Injectable()
export class OutcomesService {
  constructor(private readonly repository: OutcomeRepository) {}

  async get(id: string): Promise<OutcomeEntity> {
    const found = await this.repository.findById(id);
    if (!found) throw new OutcomeNotFoundException(id);
    return found;
  }

  async list(
    filter: OutcomeFilter,
    limit = 50,
    cursor?: string,
  ): Promise<{ items: OutcomeEntity[]; nextCursor: string | null }> {
    const rows = await this.repository.list(filter, limit + 1, cursor ? decodeCursor(cursor) : undefined);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor({ occurredAt: last.occurredAt, id: last.id }) : null,
    };
  }

  forCustomer(customerId: string, limit = 500): Promise<OutcomeEntity[]> {
    return this.repository.findByCustomer(customerId, limit);
  }
}

function encodeCursor(c: OutcomeCursor): string {
  return Buffer.from(`o|${c.occurredAt.getTime()}|${c.id}`).toString('base64url');
}

function decodeCursor(cursor: string): OutcomeCursor {
  const [tag, ms, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = Number(ms);
  if (tag !== 'o' || !id || !/^[0-9a-f-]{36}$/.test(id) || !Number.isFinite(at))
    throw new InvalidCursorException();
  return { occurredAt: new Date(at), id };
}
