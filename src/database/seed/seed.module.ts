import { Module } from '@nestjs/common';
import { EmpresaModule } from '../../empresa/empresa.module';
import { SeedService } from './seed.service';

/** The demo shop (SEED_DEMO): its own module, since it writes the catalog and the business profile. */
@Module({ imports: [EmpresaModule], providers: [SeedService] })
export class SeedModule {}
