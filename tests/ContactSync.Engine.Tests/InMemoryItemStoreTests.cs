using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Tests.Sync;

namespace ContactSync.Engine.Tests;

/// <summary>What the in-memory remote enforces beyond the port contract: its limits, token expiry, injected faults.</summary>
public sealed class InMemoryItemStoreTests
{
    [Fact]
    public async Task A_value_beyond_the_limits_is_refused_with_the_remotes_message()
    {
        var store = new InMemoryItemStore("remote", TestProjection.Instance);
        var tooMany = FieldMap.Empty.With("givenName", "Ola").WithList("emails", ["a@x.pl", "b@x.pl", "c@x.pl"]);
        var error = await Assert.ThrowsAsync<ItemRejectedException>(() => store.CreateAsync(tooMany, "h1"));
        Assert.StartsWith("ErrorInvalidProperty", error.RemoteMessage);
        Assert.Empty(store.Items);
    }

    [Fact]
    public async Task An_expired_token_gives_a_full_listing()
    {
        var store = new InMemoryItemStore("remote");
        await store.CreateAsync(FieldMap.Empty.With("givenName", "Ola"), "h1");
        var token = (await store.ListChangesAsync(null)).NextToken;
        Assert.False((await store.ListChangesAsync(token)).IsFullListing);
        store.ExpireTokens();
        var full = await store.ListChangesAsync(token);
        Assert.True(full.IsFullListing);
        Assert.Single(full.Changed);
    }

    [Fact]
    public async Task A_crash_after_a_write_leaves_the_write_done()
    {
        var faults = new FaultInjector();
        var store = new InMemoryItemStore("remote", faults: faults);
        faults.Reset(crashAtStep: 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => store.CreateAsync(FieldMap.Empty.With("givenName", "Ola"), "h1"));
        Assert.Equal("h1", Assert.Single(await store.FindByMarkersAsync(["h1"])).Marker);
    }
}
