using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Tests;

/// <summary>
/// The rules every <see cref="IItemStore"/> keeps (STYLE.md principle 7): the in-memory store, the Graph connector against
/// the sandbox, the hub in Table Storage. Subclass it, return a fresh empty store, and every test here runs against it.
/// </summary>
public abstract class ItemStoreContract
{
    /// <summary>A fresh, empty, writable store.</summary>
    protected abstract Task<IItemStore> CreateStoreAsync();

    /// <summary>A store that refuses writes.</summary>
    protected abstract Task<IItemStore> CreateReadOnlyStoreAsync();

    /// <summary>An item the store can hold in full; override when the store's item shape differs.</summary>
    protected virtual FieldMap Sample(int n) => FieldMap.Empty
        .With("givenName", $"Anna{n}").With("surname", "Nowak").WithList("emails", [$"anna{n}@example.com"]);

    protected virtual FieldMap Edit(FieldMap item) => item.With("surname", "Kowalska");

    [Fact]
    public async Task Created_item_comes_back_with_its_content_version_and_marker()
    {
        var store = await CreateStoreAsync();
        var written = await store.CreateAsync(Sample(1), "hub-1");
        var got = Assert.Single(await store.GetManyAsync([written.Id]));
        Assert.Equal(written.Version, got.Version);
        Assert.Equal(Sample(1), got.Item);
        Assert.Equal("hub-1", got.Marker);
    }

    [Fact]
    public async Task Update_on_the_current_version_gives_a_new_version()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.CreateAsync(Sample(1), "hub-1");
        var v2 = await store.UpdateAsync(v1.Id, v1.Version, Edit(Sample(1)));
        Assert.Equal(v1.Id, v2.Id);
        Assert.NotEqual(v1.Version, v2.Version);
        Assert.Equal(Edit(Sample(1)), Assert.Single(await store.GetManyAsync([v1.Id])).Item);
    }

    [Fact]
    public async Task Writes_on_a_stale_version_are_a_typed_mismatch_and_change_nothing()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.CreateAsync(Sample(1), "hub-1");
        var v2 = await store.UpdateAsync(v1.Id, v1.Version, Edit(Sample(1)));
        await Assert.ThrowsAsync<VersionMismatchException>(() => store.UpdateAsync(v1.Id, v1.Version, Sample(9)));
        await Assert.ThrowsAsync<VersionMismatchException>(() => store.DeleteAsync(v1.Id, v1.Version));
        var got = Assert.Single(await store.GetManyAsync([v1.Id]));
        Assert.Equal((v2.Version, Edit(Sample(1))), (got.Version, got.Item));
    }

    [Fact]
    public async Task Writes_to_a_missing_item_are_a_typed_not_found()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.CreateAsync(Sample(1), "hub-1");
        await store.DeleteAsync(v1.Id, v1.Version);
        Assert.Empty(await store.GetManyAsync([v1.Id]));
        await Assert.ThrowsAsync<ItemNotFoundException>(() => store.UpdateAsync(v1.Id, v1.Version, Sample(1)));
        await Assert.ThrowsAsync<ItemNotFoundException>(() => store.DeleteAsync(v1.Id, v1.Version));
    }

    [Fact]
    public async Task A_listing_without_token_is_full_and_a_delta_names_only_what_changed()
    {
        var store = await CreateStoreAsync();
        var a = await store.CreateAsync(Sample(1), "a");
        var b = await store.CreateAsync(Sample(2), "b");
        var c = await store.CreateAsync(Sample(3), "c");
        var full = await store.ListChangesAsync(null);
        Assert.True(full.IsFullListing);
        Assert.Equal([a, b, c], full.Changed.OrderBy(v => v.Id == a.Id ? 0 : v.Id == b.Id ? 1 : 2));

        var a2 = await store.UpdateAsync(a.Id, a.Version, Edit(Sample(1)));
        await store.DeleteAsync(b.Id, b.Version);
        var d = await store.CreateAsync(Sample(4), "d");
        var delta = await store.ListChangesAsync(full.NextToken);
        Assert.False(delta.IsFullListing);
        Assert.Equal(new[] { a2, d }.OrderBy(v => v.Id), delta.Changed.OrderBy(v => v.Id));
        Assert.Equal([b.Id], delta.Deleted);
        Assert.DoesNotContain(delta.Changed, v => v.Id == c.Id);

        var quiet = await store.ListChangesAsync(delta.NextToken);
        Assert.Empty(quiet.Changed);
        Assert.Empty(quiet.Deleted);
    }

    [Fact]
    public async Task Items_are_found_by_their_markers()
    {
        var store = await CreateStoreAsync();
        var a = await store.CreateAsync(Sample(1), "hub-a");
        await store.CreateAsync(Sample(2), "hub-b");
        var found = Assert.Single(await store.FindByMarkersAsync(["hub-a", "hub-x"]));
        Assert.Equal((a.Id, "hub-a"), (found.Id, found.Marker));
    }

    [Fact]
    public async Task A_batch_answers_each_write_and_one_failure_spoils_none_of_the_others()
    {
        var store = await CreateStoreAsync();
        var a = await store.CreateAsync(Sample(1), "a");
        var results = await store.WriteAsync([
            new CreateOp(Sample(2), "b"),
            new UpdateOp(a.Id, "stale-version", Sample(9)),
            new UpdateOp(a.Id, a.Version, Edit(Sample(1))),
        ]);
        Assert.Equal(3, results.Count);
        Assert.True(results[0].Ok);
        Assert.IsType<VersionMismatchException>(results[1].Error);
        Assert.True(results[2].Ok);
        var items = await store.GetManyAsync([results[0].Written!.Id, a.Id, "no-such-id"]);
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i.Item.Equals(Edit(Sample(1))));
    }

    [Fact]
    public async Task A_read_only_store_refuses_writes()
    {
        var store = await CreateReadOnlyStoreAsync();
        Assert.True(store.IsReadOnly);
        await Assert.ThrowsAsync<ReadOnlyStoreException>(() => store.CreateAsync(Sample(1), "a"));
    }
}
