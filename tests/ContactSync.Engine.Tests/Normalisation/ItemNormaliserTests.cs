using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;

namespace ContactSync.Engine.Tests.Normalisation;

public class ItemNormaliserTests
{
    [Fact]
    public void An_event_from_two_sources_normalises_to_one_form()
    {
        var fromGraph = new CalendarEvent
        {
            Subject = " Spotkanie  z  klientem ", Body = "Agenda:\r\n1. Oferta\r\n", Start = "2026-03-02T09:00:00.0000000+01:00",
            End = "2026-03-02T10:00:00.0000000+01:00", Categories = ["Praca", "praca"], Organizer = "Anna@Firma.PL",
            Attendees = [new("Jan@Firma.PL", " Jan  Kowalski", "required"), new("jan@firma.pl", "Jan", "optional")],
            Recurrence = "RRULE:FREQ=WEEKLY;  BYDAY=MO",
        }.ToFieldMap().With(EventFields.IsAllDay, "false").With(EventFields.IsCancelled, "True");
        var typed = new CalendarEvent
        {
            Subject = "Spotkanie z klientem", Body = "Agenda:\n1. Oferta", Start = "2026-03-02T09:00+01:00",
            End = "2026-03-02T10:00:00+01:00", Categories = ["Praca"], Organizer = "Anna@firma.pl", IsCancelled = true,
            Attendees = [new("Jan@firma.pl", "Jan Kowalski", "required")], Recurrence = "RRULE:FREQ=WEEKLY;  BYDAY=MO",
        }.ToFieldMap();
        var a = ItemNormaliser.Event(fromGraph);
        var b = ItemNormaliser.Event(typed);
        Assert.Empty(a.Warnings);
        Assert.Equal(b.Item, a.Item);
        Assert.Equal("2026-03-02T09:00:00+01:00", a.Item[EventFields.Start]);
        Assert.Equal("Jan@firma.pl|Jan Kowalski|required", a.Item[EventFields.Attendees]);
        Assert.Equal("RRULE:FREQ=WEEKLY;  BYDAY=MO", a.Item[EventFields.Recurrence]);
        Assert.Null(a.Item[EventFields.IsAllDay]);
        Assert.Equal(a.Item, ItemNormaliser.Event(a.Item).Item);
    }

    [Theory]
    [InlineData("2026-07-01", "2026-07-01")]
    [InlineData("2026-03-02T08:00:00Z", "2026-03-02T08:00:00+00:00")]
    [InlineData("2026-03-02T09:00:00.1234567", "2026-03-02T09:00:00")]
    [InlineData("2026-03-02T09:00:00-05:00", "2026-03-02T09:00:00-05:00")]
    public void Times_have_one_written_form(string raw, string expected)
    {
        Assert.True(DateTimes.TryNormalise(raw, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void A_task_normalises_text_times_and_categories_and_warns_about_bad_times()
    {
        var raw = new TaskItem
        {
            Title = "Zadzwoni\u0107 do  klienta".Normalize(NormalizationForm.FormD), Status = "inProgress ",
            DueDate = "2026-03-05T17:00:00.0000000+01:00", Reminder = "tomorrow", Categories = [" Pilne", "pilne", "Sprzedaż"],
        }.ToFieldMap().With("x-other", " as is ");
        var r = ItemNormaliser.Task(raw);
        Assert.Equal("Zadzwonić do klienta", r.Item[TaskFields.Title]);
        Assert.Equal("inProgress", r.Item[TaskFields.Status]);
        Assert.Equal("2026-03-05T17:00:00+01:00", r.Item[TaskFields.DueDate]);
        Assert.Equal("tomorrow", r.Item[TaskFields.Reminder]);
        Assert.Equal(["Pilne", "Sprzedaż"], r.Item.List(TaskFields.Categories));
        Assert.Equal(" as is ", r.Item["x-other"]);
        Assert.Equal(["reminder: 'tomorrow' kept as typed, not an ISO 8601 date or time"], r.Warnings);
    }
}
