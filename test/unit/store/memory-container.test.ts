import { MemoryContainer } from '../../../src/store/memory/memory-container';

describe('the in-memory document container', () => {
  const container = (): MemoryContainer => new MemoryContainer('/tenantId');

  it('keeps an id unique within its partition only', () => {
    const c = container();
    expect(c.create({ id: 'a', tenantId: 't1', n: 1 })).toBeDefined();
    expect(c.create({ id: 'a', tenantId: 't1', n: 2 })).toBeUndefined();
    expect(c.create({ id: 'a', tenantId: 't2', n: 3 })).toBeDefined();
    expect(c.read('a', 't1')?.body).toEqual({ id: 'a', tenantId: 't1', n: 1 });
    expect(c.read('a', 't2')?.body).toEqual({ id: 'a', tenantId: 't2', n: 3 });
    expect(c.read('a', 't3')).toBeUndefined();
  });

  it('gives every write a new ETag, and replaces only on a matching one', () => {
    const c = container();
    const first = c.upsert({ id: 'a', tenantId: 't1', n: 1 });
    const second = c.upsert({ id: 'a', tenantId: 't1', n: 2 });
    expect(second.etag).not.toBe(first.etag);
    expect(c.replace({ id: 'a', tenantId: 't1', n: 3 }, first.etag)).toBe('changed');
    const third = c.replace({ id: 'a', tenantId: 't1', n: 3 }, second.etag);
    expect(third).toMatchObject({ body: { n: 3 } });
    expect(c.replace({ id: 'b', tenantId: 't1' })).toBe('missing');
    expect(c.replace({ id: 'a', tenantId: 't1', n: 4 })).toMatchObject({ body: { n: 4 } });
  });

  it('a document deleted and stored again never gets an ETag it had before', () => {
    const c = container();
    const before = c.upsert({ id: 'a', tenantId: 't1' });
    expect(c.delete('a', 't1')).toBe(true);
    expect(c.delete('a', 't1')).toBe(false);
    expect(c.upsert({ id: 'a', tenantId: 't1' }).etag).not.toBe(before.etag);
  });

  it('hands out copies, of what was written and of what is read', () => {
    const c = container();
    const written = { id: 'a', tenantId: 't1', list: [1, 2] };
    const stored = c.upsert(written);
    written.list.push(3);
    (stored.body.list as number[]).push(4);
    const read = c.read('a', 't1');
    (read?.body.list as number[]).push(5);
    expect(c.read('a', 't1')?.body).toEqual({ id: 'a', tenantId: 't1', list: [1, 2] });
  });

  it('stores JSON: undefined fields are dropped, as Cosmos DB drops them', () => {
    const c = container();
    c.upsert({ id: 'a', tenantId: 't1', gone: undefined, kept: null });
    expect(c.read('a', 't1')?.body).toEqual({ id: 'a', tenantId: 't1', kept: null });
  });

  it('gives a document without an id a new one, as the Cosmos SDK does', () => {
    const c = container();
    const stored = c.create({ tenantId: 't1', n: 1 });
    expect(stored?.body.id).toEqual(expect.any(String));
    expect(c.query(() => true)).toHaveLength(1);
  });

  it('queries in the order documents were first stored', () => {
    const c = container();
    c.upsert({ id: 'b', tenantId: 't1', n: 1 });
    c.upsert({ id: 'a', tenantId: 't1', n: 2 });
    c.upsert({ id: 'b', tenantId: 't1', n: 3 });
    c.upsert({ id: 'c', tenantId: 't2', n: 4 });
    expect(c.query((d) => d.tenantId === 't1').map((s) => s.body.n)).toEqual([3, 2]);
  });
});
