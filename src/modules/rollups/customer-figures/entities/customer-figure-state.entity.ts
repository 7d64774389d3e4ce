import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CUSTOMER_FIGURE_STATES = 'customer_figure_states';

abstract class CustomerFigureStateKey {
  @PrimaryColumn({ type: 'varchar', length: 36 }) subject: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) grain: string;
  @PrimaryColumn({ type: 'int' }) bucket: number;
}

/**
 * What one customer has in one bucket (a SubjectState as JSON), so a change subtracts exactly the counts the
 * customer added before and adds its new ones. Outcome events are kept as a few sums per segment; items one entry
 * each, so the state grows with the customer's items in the bucket: SQLite's TEXT is unbounded, MySQL's holds 64 KB
 * (about 400 items), so MySQL registers the LONGTEXT twin below instead (see `entitiesFor`). Query it by table
 * name, `CUSTOMER_FIGURE_STATES`, which both share.
 */
@Entity(CUSTOMER_FIGURE_STATES)
export class CustomerFigureStateEntity extends CustomerFigureStateKey {
  @Column({ type: 'text' }) state: string;
}

@Entity(CUSTOMER_FIGURE_STATES)
export class CustomerFigureStateMysqlEntity extends CustomerFigureStateKey {
  @Column({ type: 'longtext' }) state: string;
}
