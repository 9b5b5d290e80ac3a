import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AmbassadorsModule } from '../ambassadors/ambassadors.module';
import { AuthModule } from '../auth/auth.module';
import { HouseholdsModule } from '../households/households.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { DataExportService } from './data-export.service';
import { DataExport } from './entities/data-export.entity';
import { DataExportProcessor } from './jobs/data-export.processor';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

@Module({
  imports: [TypeOrmModule.forFeature([DataExport]), AuthModule, UsersModule, UnitsModule, OrganisationsModule, AmbassadorsModule, HouseholdsModule, NotificationsModule],
  controllers: [ProfileController],
  providers: [ProfileService, DataExportService, DataExportProcessor],
})
export class ProfileModule {}
