namespace ContactSync.Engine.Items;

/// <summary>A task (Microsoft To Do's shape). Dates are ISO 8601; no <see cref="Reminder"/> means no reminder.</summary>
public sealed record TaskItem
{
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Status { get; init; }
    public string? Importance { get; init; }
    public string? StartDate { get; init; }
    public string? DueDate { get; init; }
    public string? CompletedDate { get; init; }
    public string? Reminder { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];

    public FieldMap ToFieldMap() => FieldMap.From(
    [
        new(TaskFields.Title, Title), new(TaskFields.Body, Body), new(TaskFields.Status, Status),
        new(TaskFields.Importance, Importance), new(TaskFields.StartDate, StartDate),
        new(TaskFields.DueDate, DueDate), new(TaskFields.CompletedDate, CompletedDate),
        new(TaskFields.Reminder, Reminder),
    ]).WithList(TaskFields.Categories, Categories);

    public static TaskItem From(FieldMap map) => new()
    {
        Title = map[TaskFields.Title], Body = map[TaskFields.Body], Status = map[TaskFields.Status],
        Importance = map[TaskFields.Importance], StartDate = map[TaskFields.StartDate],
        DueDate = map[TaskFields.DueDate], CompletedDate = map[TaskFields.CompletedDate],
        Reminder = map[TaskFields.Reminder], Categories = map.List(TaskFields.Categories),
    };
}
