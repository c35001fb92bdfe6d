using ContactSync.Engine.Items;
using ContactSync.Engine.Projection;

namespace ContactSync.Engine.Tests.Projection;

/// <summary>Seeded random contacts; the seed is in every failure message.</summary>
public class ProjectionPropertyTests
{
    private const int Cases = 1000;
    private static readonly ExchangeContactProjection Exchange = ExchangeContactProjection.Instance;

    [Theory, InlineData(1), InlineData(20261122), InlineData(777)]
    public void Project_then_unchanged_echo_then_merge_back_loses_nothing(int seed)
    {
        var gen = new RandomContacts(seed);
        for (var i = 0; i < Cases; i++)
        {
            var hub = gen.Next();
            var projected = Exchange.Project(hub);
            var merged = Exchange.MergeBack(hub, projected.Item);
            Assert.True(hub.Equals(merged), $"seed {seed} case {i}: {hub} became {merged}");
            // Once projected, a remote item is within the limits: projecting it again leaves it as it is.
            var again = Exchange.Project(projected.Item);
            Assert.True(again.Item.Equals(projected.Item) && again.Warnings.Count == 0, $"seed {seed} case {i}");
            // One warning per value left out.
            var leftOut = CountValues(hub) - CountValues(projected.Item) - (hub[ContactFields.Classification] is null ? 0 : 1);
            Assert.True(leftOut == projected.Warnings.Count, $"seed {seed} case {i}: {leftOut} left out, {projected.Warnings.Count} warnings");
        }
    }

    [Theory, InlineData(2), InlineData(31337)]
    public void A_remote_edit_of_a_held_value_is_taken_and_the_rest_of_the_hub_stays(int seed)
    {
        var gen = new RandomContacts(seed);
        string[] editable = [.. ExchangeContactLimits.Scalars, ContactFields.Emails, ContactFields.BusinessPhones];
        for (var i = 0; i < Cases; i++)
        {
            var hub = gen.Next();
            var field = editable[gen.Below(editable.Length)];
            var remote = Exchange.Project(hub).Item;
            var value = gen.Edit(field);
            remote = ContactFields.Lists.Contains(field)
                ? remote.WithList(field, remote.List(field).Take(gen.Below(2)).Append(value))
                : remote.With(field, value);
            var merged = Exchange.MergeBack(hub, remote);
            var message = $"seed {seed} case {i}: edit {field}={value}: {hub} became {merged}";
            Assert.True(merged.List(field).Contains(value), message);
            foreach (var other in hub.Values.Keys.Where(k => k != field))
                Assert.True(hub[other] == merged[other], $"{message} ({other} changed)");
            var overflow = hub.List(field).Skip(ExchangeContactLimits.Lists.GetValueOrDefault(field, int.MaxValue));
            Assert.True(overflow.All(merged.List(field).Contains), $"{message} (overflow lost)");
        }
    }

    private static int CountValues(FieldMap m) => m.Values.Keys.Sum(k => ContactFields.Lists.Contains(k) ? m.List(k).Count : 1);
}
