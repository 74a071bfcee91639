namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// The architecture of a saved ArmoRM gate (<see cref="ObjectiveGating"/>): <c>prefsharp_gating_hidden_size</c>,
/// <c>prefsharp_gating_hidden_layers</c>, <c>prefsharp_gating_temperature</c>. Defaults of the reference implementation.
/// </summary>
public sealed record GatingShape(int HiddenSize = 1024, int HiddenLayers = 3, double Temperature = 10);
