// Issue 12: the storage factory's choice. A connection string (Azurite) signs with the shared key;
// without one, the account's endpoints are reached with an Entra ID token (managed identity), the
// only way into the Azure account of infra/ (allowSharedKeyAccess: false); with neither, a clear
// error that names the settings and quotes no value.
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { StorageSharedKeyCredential } from '@azure/storage-blob';
import { createStorage, azuriteConnectionString, AZURITE_ACCOUNT } from '../../../functions/lib/storage';
import { storageClients, storageSettings } from '../../../functions/lib/storage-settings';

const AZURITE = azuriteConnectionString({ blob: 10000, table: 10002 });

/** A credential that records the scopes asked for and then refuses, so no request leaves. */
function refusingCredential() {
  const scopes: string[][] = [];
  const credential: TokenCredential = {
    getToken: async (scope) => {
      scopes.push(Array.isArray(scope) ? scope : [scope]);
      throw new Error('token refused by the test');
    },
  };
  return { credential, scopes };
}

describe('storageSettings', () => {
  it('connection string → shared key (STORAGE_CONNECTION_STRING first, then AzureWebJobsStorage)', () => {
    expect(storageSettings({ STORAGE_CONNECTION_STRING: AZURITE, STORAGE_ACCOUNT_NAME: 'strendiconta' })).toEqual({
      auth: 'shared-key',
      connectionString: AZURITE,
    });
    expect(storageSettings({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' })).toEqual({
      auth: 'shared-key',
      connectionString: 'UseDevelopmentStorage=true',
    });
  });

  it('no connection string → identity on the account endpoints', () => {
    expect(storageSettings({ STORAGE_ACCOUNT_NAME: 'strendiconta', AZURE_CLIENT_ID: 'client-1' })).toEqual({
      auth: 'identity',
      blobEndpoint: 'https://strendiconta.blob.core.windows.net',
      tableEndpoint: 'https://strendiconta.table.core.windows.net',
      managedIdentityClientId: 'client-1',
    });
    // Explicit endpoints (sovereign clouds, private DNS) win over the account name.
    expect(
      storageSettings({
        STORAGE_ACCOUNT_NAME: 'strendiconta',
        STORAGE_BLOB_ENDPOINT: 'https://blob.example.it/',
        STORAGE_TABLE_ENDPOINT: 'https://table.example.it',
      }),
    ).toEqual({ auth: 'identity', blobEndpoint: 'https://blob.example.it', tableEndpoint: 'https://table.example.it' });
    // The Functions host's identity-based AzureWebJobsStorage settings are enough on their own.
    expect(storageSettings({ AzureWebJobsStorage__accountName: 'stfunc' })).toMatchObject({
      auth: 'identity',
      blobEndpoint: 'https://stfunc.blob.core.windows.net',
    });
  });

  it('neither → a clear error naming the settings; bad values are refused without being quoted', () => {
    expect(() => storageSettings({})).toThrow(/STORAGE_ACCOUNT_NAME.*STORAGE_CONNECTION_STRING/);
    expect(() => storageSettings({ STORAGE_CONNECTION_STRING: '  ' })).toThrow(/STORAGE_ACCOUNT_NAME/);
    expect(() => storageSettings({ STORAGE_BLOB_ENDPOINT: 'https://b.example.it' })).toThrow(/endpoint delle tabelle/);
    expect(() => storageSettings({ STORAGE_ACCOUNT_NAME: 'Not_Valid' })).toThrow(/3 a 24/);
    expect(() =>
      storageSettings({ STORAGE_BLOB_ENDPOINT: 'http://b.example.it', STORAGE_TABLE_ENDPOINT: 'https://t.example.it' }),
    ).toThrow('STORAGE_BLOB_ENDPOINT deve essere un URL https.');
  });
});

describe('storageClients', () => {
  it('shared key: the blob client signs with the account key, no token is asked for', () => {
    const { credential, scopes } = refusingCredential();
    const clients = storageClients({ auth: 'shared-key', connectionString: AZURITE }, { credential });
    expect(clients.auth).toBe('shared-key');
    expect(clients.blobService.credential).toBeInstanceOf(StorageSharedKeyCredential);
    expect((clients.blobService.credential as StorageSharedKeyCredential).accountName).toBe(AZURITE_ACCOUNT);
    expect(clients.table('tsubmissions').url).toBe(`http://127.0.0.1:10002/${AZURITE_ACCOUNT}`);
    expect(scopes).toEqual([]);
  });

  it('identity: DefaultAzureCredential by default, on the https endpoints', () => {
    const clients = storageClients({
      auth: 'identity',
      blobEndpoint: 'https://strendiconta.blob.core.windows.net',
      tableEndpoint: 'https://strendiconta.table.core.windows.net',
    });
    expect(clients.auth).toBe('identity');
    expect(clients.blobService.credential).toBeInstanceOf(DefaultAzureCredential);
    expect(clients.blobService.url).toBe('https://strendiconta.blob.core.windows.net/');
    expect(clients.table('submissions').url).toBe('https://strendiconta.table.core.windows.net');
  });

  it('identity: blobs and tables both ask the credential for a storage token before any request', async () => {
    const { credential, scopes } = refusingCredential();
    const storage = createStorage({
      settings: {
        auth: 'identity',
        blobEndpoint: 'https://strendiconta.blob.core.windows.net',
        tableEndpoint: 'https://strendiconta.table.core.windows.net',
      },
    });
    // createStorage uses DefaultAzureCredential; the same clients with the refusing credential
    // show which scope each service asks for.
    expect(storage.container('documents').url).toBe('https://strendiconta.blob.core.windows.net/documents');
    const clients = storageClients(
      {
        auth: 'identity',
        blobEndpoint: 'https://strendiconta.blob.core.windows.net',
        tableEndpoint: 'https://strendiconta.table.core.windows.net',
      },
      { credential },
    );
    await expect(clients.blobService.getContainerClient('documents').exists()).rejects.toThrow(/token refused/);
    await expect(clients.table('documents').getEntity('p', 'r')).rejects.toThrow(/token refused/);
    expect(scopes.flat()).toEqual(['https://storage.azure.com/.default', 'https://storage.azure.com/.default']);
  });
});
