using PrefSharp.Core.Data;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.Rewards;

public sealed partial class RewardSourceSpec
{
    /// <summary>
    /// <c>rm:DIR</c> on an ensemble folder: the members' normalised rewards combined by <paramref name="choice"/> (Coste et
    /// al. 2024, §3: mean, WCO or UWO) as one pointwise reward, named "ensemble-mean", "ensemble-wco" or "ensemble-uwo-λ";
    /// with --pairwise, Bradley–Terry win rates over that reward.
    /// </summary>
    private static RewardSourceSpec Ensemble(string directory, bool pairwise, int maxLength, RewardEnsembleChoice choice)
    {
        var ensemble = RewardEnsembleFolder.Load(directory);
        var tokenizer = TokenizerFiles.Load(directory);
        var pointwise = new PointwiseRewardSource($"ensemble-{choice.Name}", items => RewardEnsembleFolder.Score(ensemble,
            items.Select(i => RewardPairs.Encode(tokenizer, Passage.FromText(i.Prompt), Passage.FromText(i.Completion), maxLength)).ToList(), choice));
        var spec = new RewardSourceSpec(pairwise ? WinRateRewardSource.BradleyTerry(pointwise) : pointwise, null);
        spec.owned.Add(ensemble);
        return spec;
    }
}
