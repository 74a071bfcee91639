namespace PrefSharp.Torch.Runtime;

/// <summary>
/// A computation produced NaN or ±∞ where a finite number is required (a training loss, a gradient norm, a weight,
/// the logits a sampler draws from). The message is one line that says where and what to check; the CLI reports it
/// without a stack trace and exits with its own code.
/// </summary>
public class NonFiniteValueException(string message) : Exception(message);
