using ContactSync.Engine.Items;

namespace ContactSync.Engine.Ports;

/// <summary>Single writes that throw the typed error, for callers handling one item.</summary>
public static class ItemStoreExtensions
{
    public static Task<ItemVersion> CreateAsync(this IItemStore store, FieldMap item, string marker, CancellationToken ct = default) =>
        store.WriteOneAsync(new CreateOp(item, marker), ct);

    public static Task<ItemVersion> UpdateAsync(this IItemStore store, string id, string ifVersion, FieldMap item, CancellationToken ct = default) =>
        store.WriteOneAsync(new UpdateOp(id, ifVersion, item), ct);

    public static Task<ItemVersion> DeleteAsync(this IItemStore store, string id, string ifVersion, CancellationToken ct = default) =>
        store.WriteOneAsync(new DeleteOp(id, ifVersion), ct);

    private static async Task<ItemVersion> WriteOneAsync(this IItemStore store, WriteOp op, CancellationToken ct)
    {
        var result = (await store.WriteAsync([op], ct).ConfigureAwait(false)).Single();
        return result.Error is { } error ? throw error : result.Written!;
    }
}
