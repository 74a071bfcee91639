using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Tiny reward models (d = 32, 2 layers, vocab 64) over the shared tiny decoder configs.</summary>
internal static class TinyRewardModels
{
    public static RewardModelConfig Config(string family, RewardHeadKind head = RewardHeadKind.Linear, int labels = 1) => new()
    {
        Backbone = ModelConfigJson.Parse(TinyConfigs.Json(family)),
        Head = head,
        HeadHiddenSize = head == RewardHeadKind.Mlp ? 16 : 0,
        NumLabels = labels,
    };

    public static RewardModel Create(string family, RewardHeadKind head = RewardHeadKind.Linear, int labels = 1, int seed = 11)
    {
        manual_seed(seed);
        return new RewardModel(Config(family, head, labels));
    }
}
