import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row: which content the passages were built from, so every process knows when to reload. */
@Entity('assistant_index_state')
export class AssistantIndexState {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** md5 of every live course's slug and content hash: differs from the courses' as soon as an import changed them. */
  @Column({ type: 'varchar', length: 64 })
  contentSignature: string;

  @Column({ type: 'int' })
  passageCount: number;

  @Column({ type: 'timestamptz' })
  builtAt: Date;
}
