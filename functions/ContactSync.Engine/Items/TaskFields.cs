namespace ContactSync.Engine.Items;

/// <summary>FieldMap keys of a task (Microsoft To Do's todoTask shape).</summary>
public static class TaskFields
{
    public const string Title = "title";
    public const string Body = "body";
    /// <summary>notStarted | inProgress | completed | waitingOnOthers | deferred.</summary>
    public const string Status = "status";
    /// <summary>low | normal | high.</summary>
    public const string Importance = "importance";
    public const string StartDate = "startDate";
    public const string DueDate = "dueDate";
    public const string CompletedDate = "completedDate";
    /// <summary>Reminder time (ISO 8601); no value means no reminder.</summary>
    public const string Reminder = "reminder";
    public const string Categories = "categories";

    public static readonly IReadOnlyList<string> Lists = [Categories];
    public static readonly IReadOnlyList<string> All =
        [Title, Body, Status, Importance, StartDate, DueDate, CompletedDate, Reminder, Categories];
}
