namespace ContactSync.Storage.Tests.Queues;

/// <summary>Against Azurite only: what is on the wire is base64 of UTF-8, as the Functions queue trigger expects.</summary>
public sealed class QueueWireTests : IAsyncLifetime
{
    private readonly HttpQueueStore _store = (HttpQueueStore)TestStorage.Account().CreateQueueStore();
    private readonly string _queue = TestStorage.QueueName("wire");

    public Task InitializeAsync() => _store.CreateIfNotExistsAsync(_queue);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_message_text_on_the_wire_is_base64_of_utf8()
    {
        await _store.PutAsync(_queue, "zażółć 😀");
        var raw = Assert.Single(await _store.GetEncodedAsync(_queue, "peekonly=true&numofmessages=1", default));
        Assert.Equal(Convert.ToBase64String("zażółć 😀"u8.ToArray()), raw.Text);
    }

    [Fact]
    public async Task A_message_put_without_base64_fails_to_decode_with_a_typed_error()
    {
        var put = await _store.PutEncodedAsync(_queue, "plain text, not base64!", 0, 60, default);
        var e = await Assert.ThrowsAsync<StorageException>(() => _store.GetAsync(_queue, 1, TimeSpan.FromSeconds(1)));
        Assert.Equal("MessageNotBase64", e.ErrorCode);
        Assert.Contains(put.MessageId, e.Message);
    }
}
