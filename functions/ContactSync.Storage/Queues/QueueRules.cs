using System.Text;
using System.Text.RegularExpressions;

namespace ContactSync.Storage;

/// <summary>The Queue service's rules (FACTS.md §4), checked before sending and enforced alike by <see cref="InMemoryQueueStore"/>.</summary>
internal static partial class QueueRules
{
    public const int MaxMessagesPerGet = 32;
    public const int MaxEncodedMessageChars = 64 * 1024;
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromDays(7);
    /// <summary>What the service reports as the expiration of a message that never expires.</summary>
    public static readonly DateTimeOffset NeverExpires = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueName();

    public static void CheckName(string queue)
    {
        if (queue is null || queue.Length is < 3 or > 63 || !QueueName().IsMatch(queue))
            throw Bad("InvalidResourceName", $"Queue name '{queue}' is invalid: 3–63 lower-case letters, digits and single hyphens, not starting or ending with a hyphen.");
    }

    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxEncodedMessageChars)
            throw StorageException.Refused(StorageErrorKind.TooLarge, "MessageTooLarge",
                $"The message is {encoded.Length} characters once base64-encoded; the limit is {MaxEncodedMessageChars} (64 KiB).");
        return encoded;
    }

    /// <summary>The TTL in whole seconds for the wire: -1 for never (any negative or infinite span), else at least 1 s.</summary>
    public static int TtlSeconds(TimeSpan? timeToLive)
    {
        if (timeToLive is not { } ttl) return (int)DefaultTimeToLive.TotalSeconds;
        if (ttl < TimeSpan.Zero) return -1;
        if (ttl < TimeSpan.FromSeconds(1)) throw Bad("OutOfRangeQueryParameterValue", "A message's time to live must be at least 1 second, or negative for never.");
        return (int)Math.Min(int.MaxValue, Math.Floor(ttl.TotalSeconds));
    }

    public static int DelaySeconds(TimeSpan? delay, int ttlSeconds)
    {
        var seconds = Seconds(delay ?? TimeSpan.Zero, TimeSpan.Zero, "visibility delay");
        if (ttlSeconds != -1 && seconds >= ttlSeconds)
            throw Bad("OutOfRangeQueryParameterValue", $"The visibility delay ({seconds} s) must be shorter than the time to live ({ttlSeconds} s).");
        return seconds;
    }

    public static int Seconds(TimeSpan span, TimeSpan min, string what)
    {
        if (span < min || span > MaxVisibility)
            throw Bad("OutOfRangeQueryParameterValue", $"The {what} must be between {min.TotalSeconds} s and 7 days, not {span}.");
        return (int)Math.Floor(span.TotalSeconds);
    }

    public static void CheckCount(int max)
    {
        if (max is < 1 or > MaxMessagesPerGet) throw Bad("OutOfRangeQueryParameterValue", $"A get takes 1 to {MaxMessagesPerGet} messages, not {max}.");
    }

    public static string Decode(string encoded, string messageId, string queue)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(encoded));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw new StorageException(StorageErrorKind.BadRequest, 0, "MessageNotBase64",
                $"Message {messageId} in queue {queue} is not base64-encoded UTF-8 (the Functions queue trigger's encoding).", e);
        }
    }

    public static StorageException Bad(string code, string message) => StorageException.Refused(StorageErrorKind.BadRequest, code, message);
}
