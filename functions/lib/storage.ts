// Table and Blob clients for every store. One place decides the connection and the names, so
// tests can point a whole process at an in-memory Azurite and give each test file its own
// namespace (table/container prefix) without touching the stores.
import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { storageClients, storageSettings, type StorageSettings } from './storage-settings';

/** Logical names; the physical name adds the namespace prefix. */
export const TABLES = {
  submissions: 'submissions',
  documents: 'documents',
  audit: 'audit',
  samples: 'samples',
  outcomes: 'outcomes',
  reviews: 'reviews',
} as const;
export const CONTAINERS = {
  submissions: 'submissions',
  documents: 'documents',
  samples: 'samples',
} as const;

export type TableName = keyof typeof TABLES;
export type ContainerName = keyof typeof CONTAINERS;

/** Azurite's published development account (not a secret: it is in Microsoft's docs). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(
  ports: { blob: number; table: number; queue?: number },
  host = '127.0.0.1',
): string {
  return (
    [
      'DefaultEndpointsProtocol=http',
      `AccountName=${AZURITE_ACCOUNT}`,
      `AccountKey=${AZURITE_KEY}`,
      `BlobEndpoint=http://${host}:${ports.blob}/${AZURITE_ACCOUNT}`,
      `TableEndpoint=http://${host}:${ports.table}/${AZURITE_ACCOUNT}`,
      ...(ports.queue ? [`QueueEndpoint=http://${host}:${ports.queue}/${AZURITE_ACCOUNT}`] : []),
    ].join(';') + ';'
  );
}

export interface StorageConfig {
  /** Shared key (Azurite); `settings` instead chooses identity-based access (storage-settings.ts). */
  connectionString?: string;
  settings?: StorageSettings;
  /** Lowercase letters/digits prepended to every table and container name ('' in production). */
  namespace?: string;
}

export interface Storage {
  readonly namespace: string;
  table(name: TableName): TableClient;
  container(name: ContainerName): ContainerClient;
  tableName(name: TableName): string;
  containerName(name: ContainerName): string;
  /** Creates every table and container once per process (idempotent). */
  ensure(): Promise<void>;
  /** Storage reachability for /api/health. */
  ping(): Promise<void>;
}

export function createStorage(config: StorageConfig): Storage {
  const namespace = config.namespace ?? '';
  if (!/^[a-z0-9]*$/.test(namespace)) throw new Error('storage namespace must be lowercase letters and digits');
  const settings: StorageSettings | undefined =
    config.settings ??
    (config.connectionString ? { auth: 'shared-key', connectionString: config.connectionString } : undefined);
  if (!settings) throw new Error('storage: connectionString or settings required');
  const { tableService, blobService, table } = storageClients(settings, { expand: expandDevelopmentStorage });
  const tableClients = new Map<TableName, TableClient>();
  const containerClients = new Map<ContainerName, ContainerClient>();
  // Table names: letters and digits, starting with a letter; containers: lowercase, hyphens allowed.
  const tableName = (name: TableName) => (namespace ? `t${namespace}${TABLES[name]}` : TABLES[name]);
  const containerName = (name: ContainerName) => (namespace ? `${namespace}-${CONTAINERS[name]}` : CONTAINERS[name]);
  let ensured: Promise<void> | undefined;

  return {
    namespace,
    tableName,
    containerName,
    table(name) {
      let client = tableClients.get(name);
      if (!client) {
        client = table(tableName(name));
        tableClients.set(name, client);
      }
      return client;
    },
    container(name) {
      let client = containerClients.get(name);
      if (!client) {
        client = blobService.getContainerClient(containerName(name));
        containerClients.set(name, client);
      }
      return client;
    },
    ensure() {
      ensured ??= (async () => {
        await Promise.all([
          ...(Object.keys(TABLES) as TableName[]).map((t) => this.table(t).createTable()),
          ...(Object.keys(CONTAINERS) as ContainerName[]).map((c) => this.container(c).createIfNotExists()),
        ]);
      })().catch((err) => {
        ensured = undefined; // let the next request try again
        throw err;
      });
      return ensured;
    },
    async ping() {
      await tableService.getProperties();
    },
  };
}

/**
 * The storage the app settings name: a connection string (STORAGE_CONNECTION_STRING, else
 * AzureWebJobsStorage: Azurite) or the account's endpoints with the managed identity
 * (STORAGE_ACCOUNT_NAME / STORAGE_BLOB_ENDPOINT + STORAGE_TABLE_ENDPOINT): storage-settings.ts.
 */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): Storage {
  return createStorage({ settings: storageSettings(env), namespace: env.STORAGE_NAMESPACE ?? '' });
}

/** `UseDevelopmentStorage=true` is what Core Tools users put in local.settings.json. */
export function expandDevelopmentStorage(connectionString: string): string {
  return /^UseDevelopmentStorage=true;?$/i.test(connectionString.trim())
    ? azuriteConnectionString({ blob: 10000, queue: 10001, table: 10002 })
    : connectionString;
}
