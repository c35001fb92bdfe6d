namespace ContactSync.Storage.Tests.Queues;

/// <summary>What every IQueueStore does like the Queue service: put/get/delete, visibility, pop receipts, dequeue counts.</summary>
public abstract class QueueStoreContract : IAsyncLifetime
{
    protected abstract IQueueStore Store { get; }
    /// <summary>Lets time pass: real time for a service, a fake clock for the in-memory store.</summary>
    protected abstract Task Pass(TimeSpan time);
    protected string Queue { get; } = TestStorage.QueueName();

    public Task InitializeAsync() => Store.CreateIfNotExistsAsync(Queue);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_get_delete_round_trips_unicode_text_and_counts_dequeues()
    {
        const string text = "{\"tenant\":\"zażółć\",\"ids\":[\"AAMk😀<&>\"]}";
        var put = await Store.PutAsync(Queue, text);
        var got = Assert.Single(await Store.GetAsync(Queue, 32, TimeSpan.FromSeconds(1)));
        Assert.Equal((put.MessageId, text, 1), (got.MessageId, got.Text, got.DequeueCount));
        Assert.True(got.NextVisibleTime > got.InsertionTime);

        await Store.DeleteAsync(Queue, got.MessageId, got.PopReceipt);
        await Pass(TimeSpan.FromSeconds(1.5));
        Assert.Empty(await Store.GetAsync(Queue, 32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_message_stays_hidden_for_its_visibility_timeout_then_returns_with_a_new_receipt_and_count()
    {
        await Store.PutAsync(Queue, "job");
        var first = Assert.Single(await Store.GetAsync(Queue, 1, TimeSpan.FromSeconds(1)));
        Assert.Empty(await Store.GetAsync(Queue, 1, TimeSpan.FromSeconds(1)));

        await Pass(TimeSpan.FromSeconds(1.5));
        var second = Assert.Single(await Store.GetAsync(Queue, 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);

        var stale = await Assert.ThrowsAsync<StorageException>(() => Store.DeleteAsync(Queue, first.MessageId, first.PopReceipt));
        Assert.Equal(StorageErrorKind.BadRequest, stale.Kind);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        await Store.DeleteAsync(Queue, second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task Update_visibility_returns_a_new_receipt_and_the_message_shows_up_when_it_says()
    {
        await Store.PutAsync(Queue, "retry me");
        var got = Assert.Single(await Store.GetAsync(Queue, 1, TimeSpan.FromSeconds(60)));
        var updated = await Store.UpdateVisibilityAsync(Queue, got, TimeSpan.Zero);
        Assert.NotEqual(got.PopReceipt, updated.PopReceipt);
        Assert.True(updated.NextVisibleTime < got.NextVisibleTime);
        Assert.Equal("retry me", updated.Text);

        var again = Assert.Single(await Store.GetAsync(Queue, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal((got.MessageId, 2), (again.MessageId, again.DequeueCount));
        var old = await Assert.ThrowsAsync<StorageException>(() => Store.UpdateVisibilityAsync(Queue, updated, TimeSpan.Zero));
        Assert.Equal("PopReceiptMismatch", old.ErrorCode);
        await Store.DeleteAsync(Queue, again.MessageId, again.PopReceipt);
    }

    [Fact]
    public async Task A_visibility_delay_hides_a_new_message_and_a_negative_ttl_never_expires()
    {
        var put = await Store.PutAsync(Queue, "later", visibilityDelay: TimeSpan.FromSeconds(1), timeToLive: TimeSpan.FromSeconds(-1));
        Assert.Equal(9999, put.ExpirationTime.Year);
        Assert.Empty(await Store.GetAsync(Queue, 1, TimeSpan.FromSeconds(1)));
        await Pass(TimeSpan.FromSeconds(1.5));
        Assert.Equal("later", Assert.Single(await Store.GetAsync(Queue, 1, TimeSpan.FromSeconds(1))).Text);
    }

    [Fact]
    public async Task A_message_past_its_time_to_live_is_gone()
    {
        await Store.PutAsync(Queue, "short", timeToLive: TimeSpan.FromSeconds(1));
        await Pass(TimeSpan.FromSeconds(2));
        Assert.Empty(await Store.GetAsync(Queue, 32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Get_hands_out_at_most_the_requested_count()
    {
        for (var i = 0; i < 5; i++) await Store.PutAsync(Queue, $"m{i}");
        Assert.Equal(3, (await Store.GetAsync(Queue, 3, TimeSpan.FromSeconds(30))).Count);
        Assert.Equal(2, (await Store.GetAsync(Queue, 32, TimeSpan.FromSeconds(30))).Count);
    }

    [Fact]
    public async Task Out_of_range_arguments_are_refused_before_sending()
    {
        async Task<StorageException> Refused(Func<Task> a) => await Assert.ThrowsAsync<StorageException>(a);
        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.GetAsync(Queue, 33, TimeSpan.FromSeconds(1)))).Kind);
        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.GetAsync(Queue, 0, TimeSpan.FromSeconds(1)))).Kind);
        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.GetAsync(Queue, 1, TimeSpan.Zero))).Kind);
        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.PutAsync(Queue, "x", TimeSpan.FromDays(8)))).Kind);
        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.PutAsync(Queue, "x", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)))).Kind);
        Assert.Equal(StorageErrorKind.TooLarge, (await Refused(() => Store.PutAsync(Queue, new string('x', 50_000)))).Kind);
        foreach (var bad in new[] { "ab", "Upper", "double--hyphen", "-lead", "trail-", new string('a', 64), "under_score" })
            Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.PutAsync(bad, "x"))).Kind);
        Assert.Empty(await Store.GetAsync(Queue, 32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_missing_queue_or_message_is_not_found()
    {
        await Store.CreateIfNotExistsAsync(Queue);
        var queue = await Assert.ThrowsAsync<StorageException>(() => Store.PutAsync(TestStorage.QueueName("missing"), "x"));
        Assert.Equal(StorageErrorKind.NotFound, queue.Kind);
        var put = await Store.PutAsync(Queue, "x");
        var message = await Assert.ThrowsAsync<StorageException>(() => Store.DeleteAsync(Queue, Guid.NewGuid().ToString(), put.PopReceipt));
        Assert.Equal(StorageErrorKind.NotFound, message.Kind);
    }
}

public sealed class AzuriteQueueStoreTests : QueueStoreContract
{
    protected override IQueueStore Store { get; } = TestStorage.Account().CreateQueueStore();
    protected override Task Pass(TimeSpan time) => Task.Delay(time);
}

public sealed class InMemoryQueueStoreTests : QueueStoreContract
{
    private readonly FakeTimeProvider _clock = new();
    public InMemoryQueueStoreTests() => Store = new InMemoryQueueStore(_clock);
    protected override IQueueStore Store { get; }
    protected override Task Pass(TimeSpan time) { _clock.Advance(time); return Task.CompletedTask; }
}
