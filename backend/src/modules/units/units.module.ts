import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnit } from './entities/admin-unit.entity';
import { UnitsImportService } from './units-import.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  imports: [TypeOrmModule.forFeature([AdminUnit])],
  controllers: [UnitsController],
  providers: [UnitsService, UnitsImportService],
  exports: [UnitsService, UnitsImportService],
})
export class UnitsModule {}
