using System.Text.Json;

namespace ContactSync.Handler.Invocation;

/// <summary>Typed reads of the trigger metadata the host sends along (FACTS.md §1.4).</summary>
public static class TriggerMetadata
{
    /// <summary>A queue trigger's <c>Id</c> and <c>DequeueCount</c>.</summary>
    public static Jobs.Delivery QueueDelivery(this InvocationRequest request)
    {
        var id = request.MetadataOf("Id") is { ValueKind: JsonValueKind.String } i ? i.GetString()! : "";
        var count = request.MetadataOf("DequeueCount") switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetInt32(),
            { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), out var parsed) => parsed,
            _ => 1,
        };
        return new Jobs.Delivery(id, count);
    }
}

/// <summary>The timer trigger's value (FACTS.md §1.4); <c>ScheduleStatus</c> is null for unmonitored schedules.</summary>
public sealed record TimerInfo(TimerScheduleStatus? ScheduleStatus, bool IsPastDue);

public sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
