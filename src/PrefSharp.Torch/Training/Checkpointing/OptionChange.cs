namespace PrefSharp.Torch.Training.Checkpointing;

/// <summary>
/// An option that differs between a checkpoint and the run resuming it: its name as saved (<c>learning_rate</c>,
/// <c>loss.beta</c>), the saved value and the given one (JSON text), and the step at which the run resumed.
/// </summary>
public sealed record OptionChange(string Option, string Saved, string Given, long Step)
{
    public override string ToString() => $"{Option} (saved {Saved}, given {Given})";
}
