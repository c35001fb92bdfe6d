using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace ContactSync.Storage;

/// <summary>The Queue service over REST (XML) on an Azure.Core pipeline; message text is base64 of UTF-8 on the wire.</summary>
internal sealed class HttpQueueStore(StorageHttp http) : IQueueStore
{

    public async Task CreateIfNotExistsAsync(string queue, CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        using var message = Message(RequestMethod.Put, queue);
        var response = await Send(message, ct);
        // 201 created, 204 already there with the same metadata.
        if (response.Status is not (201 or 204)) throw StorageErrors.FromResponse(response, $"Create queue {queue}");
    }

    public async Task<QueueMessage> PutAsync(string queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null,
        CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        var encoded = QueueRules.Encode(text);
        var ttl = QueueRules.TtlSeconds(timeToLive);
        var delay = QueueRules.DelaySeconds(visibilityDelay, ttl);
        var put = await PutEncodedAsync(queue, encoded, delay, ttl, ct);
        return put with { Text = text };
    }

    /// <summary>Puts <paramref name="messageText"/> as is (no base64): for tests of what other producers may send.</summary>
    internal async Task<QueueMessage> PutEncodedAsync(string queue, string messageText, int delaySeconds, int ttlSeconds, CancellationToken ct)
    {
        var body = new XElement("QueueMessage", new XElement("MessageText", messageText)).ToString(SaveOptions.DisableFormatting);
        using var message = Message(RequestMethod.Post, $"{queue}/messages?visibilitytimeout={delaySeconds}&messagettl={ttlSeconds}", body);
        var response = await Send(message, ct);
        if (response.Status != 201) throw StorageErrors.FromResponse(response, $"Put to queue {queue}");
        return ReadMessages(response, m => messageText).Single();
    }

    public async Task<IReadOnlyList<QueueMessage>> GetAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        QueueRules.CheckCount(max);
        var seconds = QueueRules.Seconds(visibilityTimeout, TimeSpan.FromSeconds(1), "visibility timeout");
        var messages = await GetEncodedAsync(queue, $"numofmessages={max}&visibilitytimeout={seconds}", ct);
        return messages.Select(m => m with { Text = QueueRules.Decode(m.Text, m.MessageId, queue) }).ToList();
    }

    /// <summary>Messages with their raw <c>MessageText</c> (peek when the query says <c>peekonly=true</c>).</summary>
    internal async Task<IReadOnlyList<QueueMessage>> GetEncodedAsync(string queue, string query, CancellationToken ct)
    {
        using var message = Message(RequestMethod.Get, $"{queue}/messages?{query}");
        var response = await Send(message, ct);
        if (response.Status != 200) throw StorageErrors.FromResponse(response, $"Get from queue {queue}");
        return ReadMessages(response, m => m.Element("MessageText")?.Value ?? "");
    }

    public async Task DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        using var message = Message(RequestMethod.Delete, MessagePath(queue, messageId, popReceipt));
        var response = await Send(message, ct);
        if (response.Status != 204) throw StorageErrors.FromResponse(response, $"Delete message {messageId} from queue {queue}");
    }

    public async Task<QueueMessage> UpdateVisibilityAsync(string queue, QueueMessage queueMessage, TimeSpan visibilityTimeout,
        CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        var seconds = QueueRules.Seconds(visibilityTimeout, TimeSpan.Zero, "visibility timeout");
        using var message = Message(RequestMethod.Put,
            MessagePath(queue, queueMessage.MessageId, queueMessage.PopReceipt) + $"&visibilitytimeout={seconds}");
        var response = await Send(message, ct);
        if (response.Status != 204) throw StorageErrors.FromResponse(response, $"Update message {queueMessage.MessageId} in queue {queue}");
        return queueMessage with
        {
            PopReceipt = Header(response, "x-ms-popreceipt"),
            NextVisibleTime = DateTimeOffset.Parse(Header(response, "x-ms-time-next-visible"), CultureInfo.InvariantCulture),
        };
    }

    private static string MessagePath(string queue, string messageId, string popReceipt) =>
        $"{queue}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}";

    private static List<QueueMessage> ReadMessages(Response response, Func<XElement, string> text) =>
        XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage").Select(m => new QueueMessage(
            m.Element("MessageId")!.Value,
            m.Element("PopReceipt")?.Value ?? "",
            text(m),
            int.TryParse(m.Element("DequeueCount")?.Value, out var n) ? n : 0,
            Date(m, "InsertionTime"),
            Date(m, "ExpirationTime"),
            Date(m, "TimeNextVisible"))).ToList();

    private static DateTimeOffset Date(XElement m, string name) =>
        m.Element(name) is { } e ? DateTimeOffset.Parse(e.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : default;

    private HttpMessage Message(RequestMethod method, string relative, string? body = null) =>
        http.Create(method, relative, body is null ? null : BinaryData.FromString(body), "application/xml; charset=utf-8");

    private Task<Response> Send(HttpMessage message, CancellationToken ct) => http.SendAsync(message, ct);

    private static string Header(Response response, string name) => StorageHttp.RequiredHeader(response, name, "Update message");
}
