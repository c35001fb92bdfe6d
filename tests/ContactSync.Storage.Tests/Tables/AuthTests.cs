namespace ContactSync.Storage.Tests.Tables;

/// <summary>Against Azurite: the SharedKey signatures are checked, so a wrong key must come back as a typed Auth error.</summary>
public sealed class AuthTests
{
    private static StorageAccount WrongKey()
    {
        var right = TestStorage.Account();
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var cs = $"DefaultEndpointsProtocol=http;AccountName={right.AccountName};AccountKey={wrongKey};" +
                 $"TableEndpoint={right.TableEndpoint};QueueEndpoint={right.QueueEndpoint}";
        return StorageAccount.Parse(cs);
    }

    [Fact]
    public async Task A_wrong_account_key_is_a_typed_auth_error_for_tables()
    {
        var table = TestStorage.TableName("auth");
        await TestStorage.Account().CreateTableStore().CreateTableIfNotExistsAsync(table);
        var store = WrongKey().CreateTableStore();
        var e = await Assert.ThrowsAsync<StorageException>(() => store.GetAsync(table, "p", "r"));
        Assert.Equal(StorageErrorKind.Auth, e.Kind);
        Assert.Equal(403, e.Status);
        Assert.Equal(StorageErrorKind.Auth, (await Assert.ThrowsAsync<StorageException>(() => store.InsertAsync(table, new TableEntity("p", "r")))).Kind);
    }

    [Fact]
    public async Task A_wrong_account_key_is_a_typed_auth_error_for_queues()
    {
        var e = await Assert.ThrowsAsync<StorageException>(() => WrongKey().CreateQueueStore().CreateIfNotExistsAsync(TestStorage.QueueName("auth")));
        Assert.Equal(StorageErrorKind.Auth, e.Kind);
        Assert.NotNull(e.ErrorCode);
    }

    [Fact]
    public async Task Create_table_twice_is_fine_and_bad_table_names_are_refused()
    {
        var store = TestStorage.Account().CreateTableStore();
        var table = TestStorage.TableName();
        await store.CreateTableIfNotExistsAsync(table);
        await store.CreateTableIfNotExistsAsync(table);
        foreach (var bad in new[] { "1abc", "ab", "has-dash", "tables", new string('a', 64) })
            Assert.Equal(StorageErrorKind.BadRequest, (await Assert.ThrowsAsync<StorageException>(() => store.CreateTableIfNotExistsAsync(bad))).Kind);
    }
}
