using System.Threading.Channels;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Contact changes, whoever made them, on their way to the subscription dispatcher.</summary>
public sealed class ChangeFeed
{
    readonly Channel<ContactChange> channel = Channel.CreateUnbounded<ContactChange>(new() { SingleReader = true });

    public ChannelReader<ContactChange> Reader => channel.Reader;

    public void Publish(ContactChange change) => channel.Writer.TryWrite(change);
}

/// <summary>One change: <paramref name="ChangeType"/> is created, updated or deleted.</summary>
public sealed record ContactChange(string TenantId, string UserId, string FolderId, string ContactId, string ChangeType, string ETag);
