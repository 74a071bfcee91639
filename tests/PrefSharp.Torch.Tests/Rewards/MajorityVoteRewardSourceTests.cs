using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Torch.Tests.Rewards;

public sealed class MajorityVoteRewardSourceTests
{
    // Character bigrams of " ab ": " a", "ab", "b ". cd and ce share " c" (cosine 1/3); ab and xy share nothing with the others.
    private static readonly string[] Group = ["ab", "ab", "cd", "ce", "xy", " "];

    [Fact]
    public void Ttrl_rewards_agreement_with_the_majority_answer_and_never_counts_an_empty_one()
    {
        Assert.Equal([1.0, 1, 0, 0, 0, 0], MajorityVoteRewardSource.Rewards(Group, novelty: false));
    }

    [Fact]
    public void Evol_rl_orders_each_side_by_novelty_inside_its_band()
    {
        // Majority ab, ab: identical, so equal novelty → the band's midpoint 0.75.
        // Minority: u(cd) = 1 − (½·mean(1/3, 0) + ½·max(0, 0, 1/3, 0)) = 1 − (1/12 + 1/6) = 0.75, u(ce) = 0.75, u(xy) = 1 − 0 = 1;
        // scaled within the side to 0, 0, 1 → −1 + ½·ũ = −1, −1, −0.5. The empty answer earns −1.
        Assert.Equal([0.75, 0.75, -1, -1, -0.5, -1], MajorityVoteRewardSource.Rewards(Group, novelty: true));
        Assert.Equal([1.0, -0.5], MajorityVoteRewardSource.Rewards(["a", "b"], novelty: true));       // sides of one
        Assert.Equal([-1.0, -1], MajorityVoteRewardSource.Rewards(["", " "], novelty: true));         // nobody votes
        var scores = new MajorityVoteRewardSource(novelty: true).Score([new CompletionGroup("p", Group), new CompletionGroup("q", ["a", "b"])]);
        Assert.Equal([0.75, 0.75, -1, -1, -0.5, -1, 1, -0.5], scores.Rewards);
    }
}
