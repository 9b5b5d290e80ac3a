import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('competencies')
@Index('uq_competencies_version_code', ['frameworkVersionId', 'code'], { unique: true })
export class Competency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  frameworkVersionId: string;

  @Column({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'varchar', length: 4 })
  domainCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  nameEn: string;
}
