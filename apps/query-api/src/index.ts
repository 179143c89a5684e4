export { QueryApiModule } from './query-api.module';
export { IatiExportModule } from './iati/iati-export.module';
