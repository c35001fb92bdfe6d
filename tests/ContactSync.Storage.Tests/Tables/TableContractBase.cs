namespace ContactSync.Storage.Tests.Tables;

/// <summary>Gives each test class its own fresh table in the store under test.</summary>
public abstract class TableContractBase : IAsyncLifetime
{
    protected abstract ITableStore Store { get; }
    protected string Table { get; } = TestStorage.TableName();

    public Task InitializeAsync() => Store.CreateTableIfNotExistsAsync(Table);
    public Task DisposeAsync() => Task.CompletedTask;

    protected static TableEntity Entity(string pk, string rk, params (string Name, object? Value)[] properties)
    {
        var e = new TableEntity(pk, rk);
        foreach (var (name, value) in properties) e[name] = value;
        return e;
    }

    protected static async Task<StorageException> Refused(Func<Task> action) => await Assert.ThrowsAsync<StorageException>(action);
}
