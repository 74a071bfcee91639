using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Checkpointing;

/// <summary>torch's default CPU generator state as base64, so dropout and sampling continue identically after a resume.</summary>
public static class TorchRng
{
    /// <summary>The current state of the default generator.</summary>
    public static string Capture()
    {
        using var state = random.get_rng_state();
        return Convert.ToBase64String(state.bytes);
    }

    /// <summary>Sets the default generator to a state from <see cref="Capture"/>.</summary>
    public static void Restore(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        using var state = tensor(bytes, dtype: ScalarType.Byte);
        random.set_rng_state(state);
    }
}
