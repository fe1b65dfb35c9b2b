// The user's mapping corrections as kept with the workbook. The JSON is the one the CLI's
// `--mapping` reads too: its reader lives in the domain (shared/mapping/mapping-overrides.ts).
export { readMappingOverrides } from '../../shared/mapping/mapping-overrides';

export const MAPPING_SETTINGS_KEY = 'rendiconta.mappingOverrides';
