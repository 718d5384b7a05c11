import { DataSource } from 'typeorm';

import { createTestDatabase, type TestDatabase } from '@app/testing';

import { RecipientImportEntity } from './recipient-import.entity';
import { ImportSupersededError, RecipientImportRepository } from './recipient-import.repository';
import { ImportKind, ImportState } from './recipient.enums';

// A job whose lock lapsed (a busy worker) is run again while the first run still goes on: the
// two must not both write the import. The later attempt owns it; the earlier one can neither
// stage rows, nor fail the import, nor delete the file the later one is reading.

let database: TestDatabase;
let dataSource: DataSource;
let imports: RecipientImportRepository;
let channelId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    entities: [RecipientImportEntity],
  });
  await dataSource.initialize();
  imports = new RecipientImportRepository(dataSource);
  const [channel] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO channels (name, channel_public_id, version) VALUES ('Imports', '_imports', 1) RETURNING id`,
  );
  channelId = channel.id;
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

async function queuedImport(): Promise<string> {
  const created = await imports.create({
    channelId,
    kind: ImportKind.RecipientFields,
    state: ImportState.Queued,
  });
  await imports.addChunk(created.id, 0, Buffer.from('kakao_user_id,tags\n1,a\n'));
  return created.id;
}

describe('import attempts', () => {
  it('fence off an earlier processing once a later one restarted the import', async () => {
    const id = await queuedImport();
    const first = await imports.restart(id);
    const second = await imports.restart(id);
    expect(second.attempt).toBe(first.attempt + 1);

    await expect(imports.stageBatch(first, [], [], 1)).rejects.toBeInstanceOf(
      ImportSupersededError,
    );
    await expect(
      dataSource.transaction((manager) => imports.lockOwned(manager, first)),
    ).rejects.toBeInstanceOf(ImportSupersededError);

    await imports.fail(id, 'header (row 1): too wide', first);
    await imports.markRetrying(first, 'late');
    const afterStale = await imports.findById(id);
    expect(afterStale).toMatchObject({ state: ImportState.Processing, error: null });
    expect(await imports.chunk(id, 0)).toBeDefined();

    await imports.stageBatch(second, [], [], 1);
    await imports.fail(id, 'header (row 1): too wide', second);
    expect(await imports.findById(id)).toMatchObject({
      state: ImportState.Failed,
      error: 'header (row 1): too wide',
      rowsRead: 1,
    });
    expect(await imports.chunk(id, 0)).toBeUndefined();
  });

  it('lets a failure without an attempt (before any processing) end the import', async () => {
    const id = await queuedImport();
    await imports.fail(id, 'no applier');
    expect(await imports.findById(id)).toMatchObject({ state: ImportState.Failed });
  });
});
