using System.Text.Json.Nodes;

namespace ContactSync.Demo;

/// <summary>Groups by CSV import, the two policies, the five targets and the hub contacts of the two-way targets.</summary>
public sealed partial class DemoScript
{
    private async Task ImportGroupsAsync()
    {
        Step("3. Three groups, filled by CSV import (POST .../groups/{g}/members/import, text/csv)");
        foreach (var file in DemoCsv.All())
        {
            await http.PutAsync($"{T}/groups/{file.GroupId}", new { displayName = file.DisplayName, source = "csv" });
            var (status, r) = await http.PostCsvAsync($"{T}/groups/{file.GroupId}/members/import", file.Bytes, file.Charset);
            Console.WriteLine($"   {file.GroupId,-15} {file.Description}: {(int)status} — read as {r?["format"]}, {r?["encoding"]}, " +
                $"'{r?["separator"]}'; imported {r?["imported"]}, updated {r?["updated"]}, warnings {Count(r?["warnings"])}, errors {Count(r?["errors"])}");
            foreach (var e in (r?["errors"] as JsonArray ?? []).Take(5)) Console.WriteLine($"      error   line {e?["line"]}: {e?["message"]}");
            foreach (var w in (r?["warnings"] as JsonArray ?? []).Take(3)) Console.WriteLine($"      warning line {w?["line"]}: {w?["message"]}");
            if (Count(r?["warnings"]) > 3) Console.WriteLine($"      … and {Count(r?["warnings"]) - 3} more warnings");
        }
        var sample = await http.GetAsync($"{T}/groups/partneri-cz-de/members?top=2");
        foreach (var m in sample?["value"] as JsonArray ?? [])
        {
            var c = m?["contact"];
            Console.WriteLine($"   member of partneri-cz-de (from 1250): {c?["givenName"]} {c?["surname"]}, {c?["companyName"]}, " +
                $"business phone {List(c?["businessPhones"])}, mobile {List(c?["mobilePhones"])}");
        }
    }

    private async Task PoliciesAndTargetsAsync()
    {
        Step("4. Policies and targets");
        await http.PutAsync($"{T}/policies/business", new
        {
            businessContacts = new { interval = "PT10M", baseType = "ownGroups", additionalGroups = new[] { "partneri-cz-de" } },
        });
        Console.WriteLine("   policy business: businessContacts, baseType ownGroups + additional group partneri-cz-de, every PT10M");
        await http.PutAsync($"{T}/policies/two-way", new
        {
            contacts = new { interval = "PT10M", direction = "twoWay", conflictPolicy = "manual", deleteMode = "propagate" },
        });
        Console.WriteLine("   policy two-way: contacts, twoWay, conflicts resolved by hand, every PT10M");
        foreach (var m in Mailboxes)
        {
            await http.PutAsync($"{T}/targets/{m.Id}", new { kind = "mailbox", ownerEmail = Upn(m.Id), policyId = m.Policy, groupIds = m.Groups });
            Console.WriteLine($"   target {m.Id,-11} {Upn(m.Id),-36} policy {m.Policy,-9} groups [{string.Join(", ", m.Groups)}]");
        }
    }

    /// <summary>Hub contacts tagged for the two-way targets (PUT .../contacts/{id}).</summary>
    private async Task HubContactsAsync()
    {
        Step("5. Hub contacts tagged for the two-way targets (PUT .../contacts/{id})");
        var r = new Random(7);
        var people = new[] { Nation.German, Nation.Polish, Nation.Czech, Nation.Lithuanian };
        for (var i = 0; i < 8; i++)
        {
            var p = people[i % 4].Make(r);
            var tags = i < 4 ? new[] { "jurgen" } : i < 7 ? ["malgorzata"] : ["jurgen", "malgorzata"];
            var saved = await http.PutAsync($"{T}/contacts/hub-{i + 1}", new Dictionary<string, object>
            {
                ["givenName"] = p.GivenName, ["surname"] = p.Surname, ["companyName"] = p.Company, ["jobTitle"] = p.JobTitle,
                ["emails"] = new[] { p.Email }, ["mobilePhones"] = new[] { p.Mobile }, ["syncTags"] = tags,
                ["businessAddress.city"] = p.City, ["businessAddress.countryOrRegion"] = p.Country,
            });
            Console.WriteLine($"   hub-{i + 1} {p.GivenName + " " + p.Surname,-26} mobile \"{p.Mobile}\" → stored as {List(saved?["mobilePhones"])}, tags [{string.Join(", ", tags)}]");
        }
    }

    private static string List(JsonNode? array) => array switch
    {
        JsonArray a => string.Join(", ", a.Select(v => $"\"{v}\"")),
        JsonValue v => $"\"{v}\"",
        _ => "-",
    };

    private static int Count(JsonNode? array) => array is JsonArray a ? a.Count : 0;
}
