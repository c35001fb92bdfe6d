using System.Text.Json.Nodes;

namespace ContactSync.Demo;

/// <summary>Two devices of kind device (M5, M22): Łukasz's phone on the device emulator (the JSON device API) and Jiří's
/// tablet as a Radicale address book (CardDAV), each with personal contacts of its own that the sync must leave alone.</summary>
public sealed partial class DemoScript
{
    /// <summary>The app settings the targets' credentialReference names (Program.cs puts them in the dev host's settings).</summary>
    public const string PhoneTokenSetting = "DEVICE_TOKEN_LUKASZ", PhoneToken = "demo-phone-token-5c1e9a";
    public const string TabletPasswordSetting = "DEVICE_PASSWORD_JIRI", TabletPassword = "demo-tablet-password";
    private const string Phone = "lukasz-phone", Tablet = "jiri-tablet";
    private readonly List<string> personalOnPhone = [];

    private static readonly JsonObject[] PhonePersonal =
    [
        new() { ["givenName"] = "Mama", ["displayName"] = "Mama", ["mobilePhones"] = new JsonArray("+48601000001") },
        new()
        {
            ["givenName"] = "Bożena", ["surname"] = "Gołąb", ["displayName"] = "Bożena Gołąb", ["companyName"] = "Gabinet stomatologiczny",
            ["businessPhones"] = new JsonArray("+48124110022"),
        },
    ];

    private async Task DevicesAsync()
    {
        Step("10. Devices: policy devices (businessContacts + a daily backup), Łukasz's phone (device API) and Jiří's tablet (CardDAV)");
        await http.PutAsync($"{T}/policies/devices", new
        {
            businessContacts = new { interval = "PT10M", baseType = "ownGroups" },
            backup = new { interval = "daily", timeOfDay = "02:00", keepLast = 3 },
        });
        Console.WriteLine("   policy devices: businessContacts (ownGroups) every PT10M; backup daily at 02:00, keepLast 3");

        await emulator.RegisterAsync(Phone, PhoneToken, new { maxEmails = 3, maxPhones = 5, twoWay = true, maxBatch = 50 });
        foreach (var fields in PhonePersonal) personalOnPhone.Add(await emulator.AddAsync(Phone, fields));
        Console.WriteLine($"   emulator: PUT /_emulator/devices/{Phone} (bearer token = setting {PhoneTokenSetting}); the user's own contacts " +
            $"on it: {string.Join(", ", PhonePersonal.Select(p => p["displayName"]))}");
        await radicale.CreateAddressBookAsync("Kontakty");
        await radicale.PutPersonalCardAsync("babicka", "Marie", "Dvořáková", "+420 602 111 222");
        Console.WriteLine($"   Radicale: MKCOL {radicale.Collection} and the user's own card Marie Dvořáková (vCard 3.0)");

        var devices = new[]
        {
            (Id: Phone, Owner: "lukasz", Group: "klienci-pl", Device: (object)new
            {
                protocol = "api", url = emulator.DeviceUrl(Phone), credentialReference = PhoneTokenSetting, name = "Łukasz's phone",
            }),
            (Id: Tablet, Owner: "jiri", Group: "partneri-cz-de", Device: new
            {
                protocol = "cardDav", url = radicale.Collection, userName = "jiri", credentialReference = TabletPasswordSetting, name = "Jiří's tablet",
            }),
        };
        foreach (var d in devices)
        {
            var saved = await http.PutAsync($"{T}/targets/{d.Id}", new { kind = "device", ownerEmail = Upn(d.Owner), policyId = "devices", groupIds = new[] { d.Group }, device = d.Device });
            Console.WriteLine($"   target {d.Id,-13} kind {saved?["kind"]}, {saved?["device"]?["protocol"],-7} {saved?["device"]?["url"]}, groups [{d.Group}]");
        }
        await RunSchedulerUntilIdleAsync([Phone, Tablet], "11. POST /admin/functions/Scheduler again: the two new device targets are due");
        await PrintDevicesAsync();
    }

    private async Task PrintDevicesAsync()
    {
        Step("12. The devices as they are (contacts counted on the device: the emulator's control API, a PROPFIND of the address book)");
        var phone = await emulator.ContactsAsync(Phone);
        var cards = await radicale.CardsAsync();
        var onDevice = new Dictionary<string, (int Total, int Managed)>
        {
            [Phone] = (phone.Count, phone.Count(c => c.Marker is not null)),
            [Tablet] = (await radicale.CountAsync(), cards.Count(DemoRadicale.IsManaged)),
        };
        var problems = new List<string>();
        var rows = new List<string[]> { new[] { "TARGET", "PROTOCOL", "DEVICE NAME", "ON DEVICE", "MANAGED", "PERSONAL", "SYNC TYPE", "LAST SYNC", "NEXT EXPECTED", "RESULT", "NEXT BACKUP" } };
        foreach (var (id, (total, managed)) in onDevice)
        {
            var status = await http.GetAsync($"{T}/targets/{id}/status");
            var s = status?["sections"]?["businessContacts"] ?? throw new InvalidOperationException($"{id}'s status has no businessContacts section");
            rows.Add([id, $"{status?["device"]?["protocol"]}", $"{status?["device"]?["name"]}", $"{total}", $"{managed}", $"{total - managed}",
                $"{s["syncType"]}", Time(s["lastSync"]), Time(s["nextExpectedSync"]), $"{s["lastResult"]}",
                Day(status?["backup"]?["nextExpectedSync"])]);
            var created = int.Parse(Sum(s["counts"]?.AsObject() ?? [], "creat"));
            if (managed == 0 || managed != created)
                problems.Add($"{id} holds {managed} managed contacts, its sync reported {created} created (result \"{s["lastResult"]}\")");
        }
        PrintTable(rows);
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));

        var kept = personalOnPhone.Select(id => phone.FirstOrDefault(c => c.Id == id && c.Marker is null)).ToList();
        if (kept.Any(c => c is null) || onDevice[Tablet].Total - onDevice[Tablet].Managed != 1)
            throw new InvalidOperationException("a personal contact on a device was changed or removed by the sync");
        Console.WriteLine($"   personal contacts untouched: {string.Join(", ", kept.Select(c => c!.Name))} on the phone, Marie Dvořáková on the tablet");
        var sample = phone.First(c => c.Marker is not null);
        Console.WriteLine($"   a managed contact as the phone holds it: {sample.Name}, {sample.Fields["companyName"]}, " +
            $"mobile {List(sample.Fields["mobilePhones"])}, marker (hub id) {sample.Marker}");
    }

    /// <summary>A time a day or more away: date and time, UTC.</summary>
    private static string Day(JsonNode? node) =>
        node is not null && DateTimeOffset.TryParse(node.GetValue<string>(), out var t) ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + "Z" : "-";
}
