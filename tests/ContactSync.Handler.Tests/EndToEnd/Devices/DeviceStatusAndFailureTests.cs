using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;

namespace ContactSync.Handler.Tests.EndToEnd.Devices;

/// <summary>A device's status per FAMOC (M8: sync type, interval, next expected sync, last sync per section) through the
/// same status route as a mailbox's, and the failures of a device that cannot be reached as configured: a credential
/// setting that is not there, a token the device refuses.</summary>
public sealed class DeviceStatusAndFailureTests(DeviceHostFixture f) : IClassFixture<DeviceHostFixture>
{
    // Calendar schedules start the day after they are applied, and an off section is due only until its one run: the
    // hub tables are shared, so a section left due now would show up in other tests' Scheduler ticks.
    private static Policy Both(string id) => new(id,
        new BusinessContactsSection(Interval.Daily, new TimeOnly(4, 0), BaseType.AllGroups, [], null),
        new ContactsSection(Interval.Weekly, new TimeOnly(6, 30), SyncDirection.TwoWay, false, [], null, ConflictPolicy.HubWins, DeleteMode.Propagate, null));

    private static Policy BusinessOnly(string id) => new(id, new BusinessContactsSection(Interval.Off, null, BaseType.AllGroups, [], null), null);

    private static Policy ContactsOnly(string id) => new(id, null,
        new ContactsSection(Interval.Off, null, SyncDirection.TwoWay, false, [], null, ConflictPolicy.HubWins, DeleteMode.Propagate, null));

    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public async Task A_device_shows_its_sync_type_interval_next_expected_and_last_sync_per_section()
    {
        var t = await f.TenantAsync();
        await f.GroupAsync(t, "sales", ("Greta", "Schäfer", "gs@firma.example", null));
        await f.PolicyAsync(t, Both("both"));
        await f.ApiDeviceAsync(t, "anna", "both");
        var before = DateTimeOffset.UtcNow;
        await f.SyncAsync(t, "anna", PolicySections.BusinessContacts);

        var status = await f.GetAsync($"api/tenants/{t}/targets/anna/status");
        Assert.Equal("device", status.GetProperty("kind").GetString());
        Assert.Equal("api", status.GetProperty("device").GetProperty("protocol").GetString());
        Assert.Equal("anna's phone", status.GetProperty("device").GetProperty("name").GetString());
        Assert.DoesNotContain(DeviceHostFixture.TokenSetting, status.ToString(), StringComparison.Ordinal);
        var business = status.GetProperty("sections").GetProperty("businessContacts");
        Assert.Equal("businessContacts (allGroups)", business.GetProperty("syncType").GetString());
        Assert.Equal("daily at 04:00", business.GetProperty("interval").GetString());
        var last = business.GetProperty("lastSync").GetDateTimeOffset();
        Assert.InRange(last, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal("succeeded", business.GetProperty("lastResult").GetString());
        var next = business.GetProperty("nextExpectedSync").GetDateTimeOffset();
        Assert.InRange(next, last, last.AddDays(1));
        Assert.Equal(new TimeOnly(4, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, Warsaw).DateTime)); // 04:00 in the tenant's zone
        var contacts = status.GetProperty("sections").GetProperty("contacts");
        Assert.Equal("contacts (twoWay)", contacts.GetProperty("syncType").GetString());
        Assert.StartsWith("weekly", contacts.GetProperty("interval").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, contacts.GetProperty("lastSync").ValueKind);
        var weekly = TimeZoneInfo.ConvertTime(contacts.GetProperty("nextExpectedSync").GetDateTimeOffset(), Warsaw);
        Assert.Equal(new TimeOnly(6, 30), TimeOnly.FromDateTime(weekly.DateTime));
        Assert.True(weekly > before);
    }

    [Fact]
    public async Task A_missing_credential_setting_fails_the_run_clearly_and_a_backup_request_answers_409()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, BusinessOnly("business"));
        await f.ApiDeviceAsync(t, "lost", "business", credentialSetting: DeviceHostFixture.MissingSetting);

        var job = await f.SyncAsync(t, "lost", PolicySections.BusinessContacts, expectedState: "failed");
        var expected = $"The credential of device target 'lost' is not configured: no app setting '{DeviceHostFixture.MissingSetting}'.";
        Assert.Contains(expected, job.GetProperty("error").GetString());
        var run = (await f.GetAsync($"api/tenants/{t}/targets/lost/runs"))[0];
        Assert.Equal("failed", run.GetProperty("result").GetString());
        Assert.Contains(expected, run.GetProperty("failure").GetString());

        using var backup = await f.Http.PostAsync($"api/tenants/{t}/targets/lost/backups", null);
        Assert.Equal(HttpStatusCode.Conflict, backup.StatusCode);
        Assert.Equal("application/problem+json", backup.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (await backup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_the_device_refuses_fails_the_run_with_the_devices_401()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, ContactsOnly("contacts"));
        var phone = await f.ApiDeviceAsync(t, "wrong", "contacts", credentialSetting: DeviceHostFixture.WrongTokenSetting);

        var job = await f.SyncAsync(t, "wrong", PolicySections.Contacts, expectedState: "failed");
        Assert.Contains("Device target 'wrong' (wrong's phone) refused the credential from device.credentialReference 'E2E_WRONG_DEVICE_TOKEN': 401 from the device.",
            job.GetProperty("error").GetString());
        Assert.Equal("failed", (await f.GetAsync($"api/tenants/{t}/targets/wrong/runs"))[0].GetProperty("result").GetString());
        Assert.True(f.Emulator.Device(phone).Counters().Unauthorized >= 1);
        Assert.Empty(f.Emulator.Device(phone).Contents());
    }
}
