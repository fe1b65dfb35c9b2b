// How the Function App reaches its storage account, decided from the app settings in one place:
//
// - STORAGE_CONNECTION_STRING (or AzureWebJobsStorage as a connection string): shared key. Azurite
//   (tests, `npm start`, local.settings.json's UseDevelopmentStorage=true) and nothing else: the
//   Azure account of infra/ has shared-key access disabled.
// - otherwise the account's endpoints, STORAGE_BLOB_ENDPOINT + STORAGE_TABLE_ENDPOINT, or
//   STORAGE_ACCOUNT_NAME (or the host's own AzureWebJobsStorage__accountName / __blobServiceUri /
//   __tableServiceUri): Microsoft Entra ID through DefaultAzureCredential, i.e. the Function App's
//   managed identity (AZURE_CLIENT_ID names the user-assigned one) with the Storage Blob Data Owner
//   and Storage Table Data Contributor roles that infra/app/rbac.bicep assigns.
// - neither: a clear error naming the settings (no value is ever quoted: it may hold a key).
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';

export type StorageSettings =
  | { auth: 'shared-key'; connectionString: string }
  | { auth: 'identity'; blobEndpoint: string; tableEndpoint: string; managedIdentityClientId?: string };

type Env = Readonly<Record<string, string | undefined>>;

const MISSING =
  'Archiviazione non configurata: impostare STORAGE_ACCOUNT_NAME (oppure STORAGE_BLOB_ENDPOINT e ' +
  'STORAGE_TABLE_ENDPOINT) per l’identità gestita, o STORAGE_CONNECTION_STRING per Azurite.';

const value = (env: Env, name: string) => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

function endpoint(name: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name} non è un URL valido.`);
  }
  // Bearer tokens go over https only (the Azure SDK refuses them on http).
  if (parsed.protocol !== 'https:') throw new Error(`${name} deve essere un URL https.`);
  return parsed.toString().replace(/\/+$/, '');
}

/** The storage settings of this process (pure: reads only `env`). */
export function storageSettings(env: Env): StorageSettings {
  const connectionString = value(env, 'STORAGE_CONNECTION_STRING') ?? value(env, 'AzureWebJobsStorage');
  if (connectionString) return { auth: 'shared-key', connectionString };

  const account = value(env, 'STORAGE_ACCOUNT_NAME') ?? value(env, 'AzureWebJobsStorage__accountName');
  if (account !== undefined && !/^[a-z0-9]{3,24}$/.test(account))
    throw new Error('STORAGE_ACCOUNT_NAME deve avere da 3 a 24 lettere minuscole o cifre.');
  const blob =
    value(env, 'STORAGE_BLOB_ENDPOINT') ??
    value(env, 'AzureWebJobsStorage__blobServiceUri') ??
    (account ? `https://${account}.blob.core.windows.net` : undefined);
  const table =
    value(env, 'STORAGE_TABLE_ENDPOINT') ??
    value(env, 'AzureWebJobsStorage__tableServiceUri') ??
    (account ? `https://${account}.table.core.windows.net` : undefined);
  if (!blob && !table) throw new Error(MISSING);
  if (!blob || !table)
    throw new Error(`${MISSING} Manca ${blob ? 'l’endpoint delle tabelle' : 'l’endpoint dei blob'}.`);
  const clientId = value(env, 'STORAGE_CLIENT_ID') ?? value(env, 'AZURE_CLIENT_ID');
  return {
    auth: 'identity',
    blobEndpoint: endpoint('STORAGE_BLOB_ENDPOINT', blob),
    tableEndpoint: endpoint('STORAGE_TABLE_ENDPOINT', table),
    ...(clientId ? { managedIdentityClientId: clientId } : {}),
  };
}

export interface StorageClients {
  auth: StorageSettings['auth'];
  tableService: TableServiceClient;
  blobService: BlobServiceClient;
  table(physicalName: string): TableClient;
}

/**
 * The service clients for `settings`. `credential` replaces DefaultAzureCredential (tests);
 * `expand` turns a connection-string shorthand (UseDevelopmentStorage=true) into a full one.
 */
export function storageClients(
  settings: StorageSettings,
  options: { credential?: TokenCredential; expand?: (connectionString: string) => string } = {},
): StorageClients {
  if (settings.auth === 'shared-key') {
    const connectionString = options.expand ? options.expand(settings.connectionString) : settings.connectionString;
    const insecure = /^DefaultEndpointsProtocol=http;|=http:\/\//i.test(connectionString);
    const tableOptions = { allowInsecureConnection: insecure };
    return {
      auth: 'shared-key',
      tableService: TableServiceClient.fromConnectionString(connectionString, tableOptions),
      blobService: BlobServiceClient.fromConnectionString(connectionString),
      table: (name) => TableClient.fromConnectionString(connectionString, name, tableOptions),
    };
  }
  const credential =
    options.credential ??
    new DefaultAzureCredential(
      settings.managedIdentityClientId ? { managedIdentityClientId: settings.managedIdentityClientId } : {},
    );
  return {
    auth: 'identity',
    tableService: new TableServiceClient(settings.tableEndpoint, credential),
    blobService: new BlobServiceClient(settings.blobEndpoint, credential),
    table: (name) => new TableClient(settings.tableEndpoint, name, credential),
  };
}
