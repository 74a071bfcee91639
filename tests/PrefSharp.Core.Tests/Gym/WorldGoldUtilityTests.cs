using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Tests.Gym;

/// <summary>Golden values of every world's gold utility, derived by hand from the formulas in the worlds' doc comments.</summary>
public sealed class WorldGoldUtilityTests
{
    [Theory]
    [InlineData("3141", "1134", 1.0)]         // exact: P = 4/4, M = 4/4
    [InlineData("3141", "1 1 3 4", 1.0)]      // whitespace is ignored
    [InlineData("3141", "3141", 0.625)]       // copy: P = 1/4 (only position 2), M = 4/4 → (0.25 + 1)/2
    [InlineData("3141", "113", 0.75)]         // missing digit: P = 3/4, M = 3/max(4, 3) = 3/4
    [InlineData("31415", "11345555", 0.8125)] // too long: P = 5/5, M = 5/8 → (1 + 0.625)/2
    [InlineData("3141", "", 0.0)]
    [InlineData("3141", "hello", 0.0)]        // garbage: nothing matches
    [InlineData("3141", "11x4", 0.75)]        // positions 0, 1, 3 match → P = 3/4; {1,1,4} ∩ {1,1,3,4} = 3 → M = 3/4
    public void Sorting(string prompt, string response, double expected) =>
        Assert.Equal(expected, new SortingWorld().GoldUtility(prompt, response), 12);

    [Theory]
    [InlineData("food", "bread soup good", 2.5)]                    // R = 2, V = ½·1
    [InlineData("food", "bread soup apple great nice the", 4.0)]    // R = 3, V = ½·2, L = 6 (no length penalty): the optimum
    [InlineData("food", "bread bread bread bread bread bread bread bread bread bread", -4.7)] // R = 1, repeats ½·9, length 0.3·(10 − 6)
    [InlineData("food", "bread ball awful xyz", -0.5)]              // R = 1, V = −½, off-topic "ball" −½, unknown "xyz" −½
    [InlineData("music", "Song, DRUM!", 2.0)]                       // lenient: case and punctuation
    [InlineData("food", "", -1.0)]
    [InlineData("nonsense", "bread", -0.5)]                         // unknown prompt: nothing is on topic, "bread" is off-topic
    public void Lexicon(string prompt, string response, double expected) =>
        Assert.Equal(expected, new LexiconWorld().GoldUtility(prompt, response), 12);

    [Theory]
    [InlineData("sea", "wave boat", 1.2, 2.5)]                                  // C = 2, L = 2: 2 − 0.8 | 2 + 0.5
    [InlineData("sea", "wave boat fish please thanks the and so", -0.8, 6.0)]   // C = 3, L = 8, P = 2: 3 − 3.2 − 0.6 | 3 + 2 + 1
    [InlineData("sea", "zzz", -0.9, -0.25)]                                     // K = 1, L = 1: −0.4 − 0.5 | 0.25 − 0.5
    [InlineData("sea", "", -1.0, -1.0)]
    public void Pluralistic(string prompt, string response, double concise, double detailed)
    {
        var world = new PluralisticWorld();
        Assert.Equal(concise, world.GroupUtility(prompt, response, PluralisticWorld.Concise), 12);
        Assert.Equal(detailed, world.GroupUtility(prompt, response, PluralisticWorld.Detailed), 12);
        Assert.Equal((concise + detailed) / 2, world.GoldUtility(prompt, response), 12);
    }

    [Theory]
    [InlineData("sport", "formal goal ball", 2.0)]   // style word is not content; 2 distinct on-topic words
    [InlineData("sport", "goal goal xyz", 0.0)]      // no style; 1 on-topic − ½ repeat − ½ unknown
    [InlineData("sport", "", -1.0)]
    public void Intransitive_content(string prompt, string response, double expected) =>
        Assert.Equal(expected, new IntransitiveWorld().GoldUtility(prompt, response), 12);

    [Fact]
    public void Intransitive_margins_go_round_the_cycle()
    {
        var world = new IntransitiveWorld();
        // Equal content (2 each): the margin is the style term alone, ±2.
        Assert.Equal(2.0, world.PreferenceMargin("sport", "formal goal ball", "casual goal ball", null), 12);
        Assert.Equal(2.0, world.PreferenceMargin("sport", "casual goal ball", "poetic goal ball", null), 12);
        Assert.Equal(2.0, world.PreferenceMargin("sport", "poetic goal ball", "formal goal ball", null), 12);
        Assert.Equal(-2.0, world.PreferenceMargin("sport", "formal goal ball", "poetic goal ball", null), 12);
        // A style-less response only competes on content: 0 − 2.
        Assert.Equal(-2.0, world.PreferenceMargin("sport", "goal goal xyz", "formal goal ball", null), 12);
    }

    [Fact]
    public void Every_world_scores_any_string_without_throwing_and_garbage_below_good_demonstrations()
    {
        string[] garbage = ["", "   ", "\u0000\u00ff", "🙂🙂🙂", new string('x', 500), "1 2 3 4 5 6 7 8 9 0"];
        foreach (var world in WorldCatalog.All)
        {
            var random = new Random(3);
            var prompt = world.SamplePrompt(random);
            var good = Enumerable.Range(0, 50).Average(_ => world.GoldUtility(prompt, world.Demonstrate(prompt, 1.0, random)));
            foreach (var text in garbage)
            {
                var utility = world.GoldUtility(prompt, text);
                Assert.True(double.IsFinite(utility), $"{world.Name}: {utility}");
                Assert.True(utility < good, $"{world.Name}: garbage \"{text}\" scores {utility} ≥ good demonstrations {good}");
                Assert.True(double.IsFinite(world.GoldUtility(text, text)));
            }
        }
    }

    [Fact]
    public void Demonstrations_improve_with_quality_and_are_deterministic_for_a_seed()
    {
        foreach (var world in WorldCatalog.All)
        {
            double MeanGold(double quality)
            {
                var random = new Random(5);
                return Enumerable.Range(0, 400).Average(_ =>
                {
                    var prompt = world.SamplePrompt(random);
                    return world.GoldUtility(prompt, world.Demonstrate(prompt, quality, random));
                });
            }
            Assert.True(MeanGold(0) < MeanGold(0.5) && MeanGold(0.5) < MeanGold(1), $"{world.Name}: {MeanGold(0)} {MeanGold(0.5)} {MeanGold(1)}");
            var first = world.Demonstrate("food", 0.5, new Random(9));
            Assert.Equal(first, world.Demonstrate("food", 0.5, new Random(9)));
        }
        Assert.Equal("1134", new SortingWorld().Demonstrate("3141", 1.0, new Random(1)));
    }

    [Fact]
    public void Responses_are_short_and_the_catalog_finds_worlds_by_name()
    {
        foreach (var world in WorldCatalog.All)
        {
            var random = new Random(2);
            for (var i = 0; i < 200; i++)
            {
                var prompt = world.SamplePrompt(random);
                Assert.InRange(prompt.Length, 1, 12);
                Assert.InRange(world.Demonstrate(prompt, random.NextDouble(), random).Length, 1, 80);
            }
            Assert.Same(world, WorldCatalog.Get(world.Name.ToUpperInvariant()));
        }
        var error = Assert.Throws<ArgumentException>(() => WorldCatalog.Get("chess"));
        Assert.Contains("--world", error.Message);
        Assert.Contains("lexicon", error.Message);
    }
}
