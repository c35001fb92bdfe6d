using ContactSync.Engine.InMemory;
using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Tests;

public sealed class InMemoryItemStoreContract : ItemStoreContract
{
    protected override Task<IItemStore> CreateStoreAsync() => Task.FromResult<IItemStore>(new InMemoryItemStore("mem"));
    protected override Task<IItemStore> CreateReadOnlyStoreAsync() => Task.FromResult<IItemStore>(new InMemoryItemStore("ro", readOnly: true));
}
