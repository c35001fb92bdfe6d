using ContactSync.Engine.Items;

namespace ContactSync.Engine.Tests.Items;

public class ItemRoundTripTests
{
    public static Contact FullContact() => new()
    {
        GivenName = "Žydrūnė", MiddleName = "Ona", Surname = "Šimkūnaitė", Nickname = "Žydrė",
        DisplayName = "Žydrūnė Šimkūnaitė", CompanyName = "UAB Pavyzdys", Department = "Pardavimai", JobTitle = "Vadovė",
        Emails = ["zydrune@pavyzdys.lt", "Z.Simkunaite@gmail.com"],
        BusinessPhones = ["+37052123456", "+37052123457;ext=12"], HomePhones = ["+37052999999"],
        MobilePhones = ["+37061234567"], OtherPhones = ["+48601234567"],
        BusinessAddress = new("Gedimino pr. 1", "Vilnius", null, "01103", "Lietuva"),
        HomeAddress = new(City: "Kaunas"), OtherAddress = new(Street: "Laisvės al. 5", PostalCode: "44001"),
        WebPages = ["https://pavyzdys.lt"], Categories = ["Klientai", "VIP"], Classification = "Customers/Lithuania/Vilnius",
        Notes = "Line one\nLine two", Birthday = "1985-03-11",
    };

    [Fact]
    public void Contact_round_trips_through_its_field_map()
    {
        var map = FullContact().ToFieldMap();
        Assert.Equal(ContactFields.All.Count - 8, map.Values.Count); // address parts left empty: 1 business, 4 home, 3 other
        Assert.Equal("Vilnius", map["businessAddress.city"]);
        Assert.Equal("+37052123456\n+37052123457;ext=12", map["businessPhones"]);
        Assert.Equal("Customers/Lithuania/Vilnius", map["classification"]);
        Assert.Equal(map, Contact.From(map).ToFieldMap());
        Assert.Equal(FullContact().BusinessAddress, Contact.From(map).BusinessAddress);
        Assert.Null(Contact.From(FieldMap.Empty).HomeAddress);
        Assert.Equal(FieldMap.Empty, new Contact().ToFieldMap());
    }

    [Fact]
    public void Every_contact_key_is_named_once()
    {
        Assert.Equal(ContactFields.All.Count, ContactFields.All.Distinct().Count());
        Assert.Contains("homeAddress.countryOrRegion", ContactFields.All);
        Assert.Contains(ContactFields.Categories, ContactFields.Lists);
    }

    [Fact]
    public void Event_round_trips_through_its_field_map()
    {
        var e = new CalendarEvent
        {
            Subject = "Spotkanie | kwartalne", Body = "Agenda:\n1. Wyniki", Location = "Warszawa", Start = "2026-03-02T09:00:00+01:00",
            End = "2026-03-02T10:30:00+01:00", TimeZone = "Central European Standard Time", Sensitivity = "normal",
            ShowAs = "busy", Categories = ["Praca"], Organizer = "anna@firma.pl", Recurrence = "RRULE:FREQ=WEEKLY;BYDAY=MO",
            Attendees = [new("jan@firma.pl", "Jan Kowalski", "required"), new("sala@firma.pl", null, "resource"), new("x@y.pl")],
        };
        var map = e.ToFieldMap();
        Assert.Equal("jan@firma.pl|Jan Kowalski|required\nsala@firma.pl||resource\nx@y.pl||", map[EventFields.Attendees]);
        Assert.Null(map[EventFields.IsAllDay]);
        var back = CalendarEvent.From(map);
        Assert.Equal(e.Attendees, back.Attendees);
        Assert.Equal(map, back.ToFieldMap());
        Assert.Equal(e with { Attendees = back.Attendees, Categories = back.Categories }, back);

        var allDay = new CalendarEvent { Subject = "Urlop", Start = "2026-07-01", End = "2026-07-15", IsAllDay = true, IsCancelled = true };
        Assert.Equal("true", allDay.ToFieldMap()[EventFields.IsAllDay]);
        Assert.Equal(allDay with { Categories = [] , Attendees = [] }, CalendarEvent.From(allDay.ToFieldMap()) with { Categories = [], Attendees = [] });
    }

    [Fact]
    public void Attendee_names_cannot_break_the_list_form()
    {
        var a = new Attendee("a@b.pl", "Nowak | Kowalski\nJr", "optional");
        Assert.Equal(new Attendee("a@b.pl", "Nowak / Kowalski Jr", "optional"), Attendee.Parse(a.Format()));
    }

    [Fact]
    public void Task_round_trips_through_its_field_map()
    {
        var t = new TaskItem
        {
            Title = "Zadzwonić do klienta", Body = "Oferta", Status = "inProgress", Importance = "high",
            StartDate = "2026-03-01", DueDate = "2026-03-05T17:00:00+01:00", CompletedDate = null,
            Reminder = "2026-03-05T09:00:00+01:00", Categories = ["Sprzedaż", "Pilne"],
        };
        var map = t.ToFieldMap();
        Assert.Equal("Sprzedaż\nPilne", map[TaskFields.Categories]);
        var back = TaskItem.From(map);
        Assert.Equal(map, back.ToFieldMap());
        Assert.Equal(t with { Categories = back.Categories }, back);
        Assert.Equal(TaskFields.All.Count - 1, map.Values.Count);
    }
}
