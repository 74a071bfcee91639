using PrefSharp.Core.Gym.Demo;
using PrefSharp.Torch.Gym;

namespace PrefSharp.Cli.Demo;

/// <summary>
/// The stages of <c>prefsharp demo</c>, in order. Plug a trainer in by replacing its <see cref="NotAvailableStage"/>
/// with a class implementing <see cref="IDemoStage"/> (same name).
/// </summary>
public static class DemoStages
{
    public static IReadOnlyList<IDemoStage> Create() =>
    [
        new BestOfNStage(),
        new NotAvailableStage("sft", "Supervised fine-tuning of a tiny model on the best demonstrations: the SFT trainer is not in this build yet."),
        new NotAvailableStage("reward-model", "A Bradley–Terry reward model on the simulated pairs: the reward-model trainer is not in this build yet."),
        new NotAvailableStage("dpo", "Direct preference optimisation from the SFT policy: the DPO trainer is not in this build yet."),
        new GrpoStage(),
        new PrefGrpoStage(),
    ];
}
