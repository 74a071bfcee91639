using PrefSharp.Core.Gym.Attributes;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Tests.Gym;

/// <summary>The attribute decompositions of the word worlds reproduce their utilities exactly.</summary>
public sealed class AttributedWorldTests
{
    [Fact]
    public void Lexicon_attributes_golden()
    {
        var world = new LexiconWorld();
        // "bread bread ball awful xyz the a1": on-topic {bread} → 1; valence 0 − 1; off-topic {ball} → −1; unknown
        // {xyz, a1} → −2; repeats 1 → −1; L = 7 → −1. Gold: 1 − ½ − ½ − 1 − ½ − 0.3 = −1.8.
        Assert.Equal([1, -1, -1, -2, -1, -1], world.Attributes("food", "bread bread ball awful xyz the a1"));
        Assert.Equal(-1.8, world.GoldUtility("food", "bread bread ball awful xyz the a1"), 12);
        Assert.Equal([-1, 0, 0, 0, 0, 0], world.Attributes("food", " "));
    }

    [Fact]
    public void Pluralistic_attributes_golden()
    {
        var world = new PluralisticWorld();
        // "wave boat fish please thanks the and so": C = 3, L = 8, P = 2, K = 0 → concise 3 − 3.2 − 0.6 = −0.8; detailed 3 + 2 + 1 = 6.
        Assert.Equal([3, -8, 2, 0, 0], world.Attributes("sea", "wave boat fish please thanks the and so"));
        Assert.Throws<ArgumentException>(() => world.AttributeWeights("verbose"));
    }

    public static TheoryData<string, string?> WorldsAndGroups => new()
    {
        { "lexicon", null }, { "pluralistic", null }, { "pluralistic", PluralisticWorld.Concise }, { "pluralistic", PluralisticWorld.Detailed },
    };

    [Theory]
    [MemberData(nameof(WorldsAndGroups))]
    public void Weighted_attributes_equal_the_group_utility(string name, string? group)
    {
        var world = (IAttributedWorld)WorldCatalog.Get(name);
        var weights = world.AttributeWeights(group);
        Assert.Equal(world.AttributeNames.Count, weights.Count);
        var samples = GymSampler.Sample(world, 40, 6, seed: 5).Select(s => s.Response)
            .Concat(["", "bread bread bread bread bread bread bread bread bread bread bread bread bread bread", "zz please please kindly"]);
        foreach (var response in samples)
        {
            var attributes = world.Attributes("food", response);
            var weighted = attributes.Zip(weights, (a, w) => a * w).Sum();
            Assert.Equal(world.GroupUtility("food", response, group), weighted, 9);
        }
        if (group is null) Assert.All(weights, w => Assert.True(w >= 0));   // the population's mixture is non-negative
    }

    [Fact]
    public void Group_pairs_follow_the_groups_utility()
    {
        var world = new PluralisticWorld();
        var samples = GymSampler.Sample(world, 200, 4, seed: 1);
        // A near-deterministic annotator (T = 0.05) agrees with the group's own gold on nearly every pair, and the two
        // groups disagree with each other on many pairs (they weigh length and politeness in opposite directions).
        var concise = AttributeData.Pairs(world, samples, PluralisticWorld.Concise, 0.05, seed: 2);
        double Agreement(IEnumerable<GroupPair> pairs, string group) => pairs.Average(p =>
            world.GroupUtility(p.Prompt, p.Chosen, group) >= world.GroupUtility(p.Prompt, p.Rejected, group) ? 1.0 : 0.0);
        Assert.True(Agreement(concise, PluralisticWorld.Concise) > 0.97);
        Assert.True(Agreement(concise, PluralisticWorld.Detailed) < 0.8);
        Assert.All(concise, p => Assert.EndsWith(" concise", p.Prompt));
        var ratings = AttributeData.Ratings(world, samples.Take(3), noise: 0, seed: 0);
        Assert.Equal(world.Attributes(samples[0].Prompt, samples[0].Response), ratings[0].Ratings);
    }
}
