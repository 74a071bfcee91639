namespace PrefSharp.Torch.Training.Options;

/// <summary>How the learning rate moves after warm-up.</summary>
public enum LearningRateSchedule
{
    /// <summary>Half a cosine from the peak down to <see cref="TrainingOptions.MinLearningRateRatio"/> × peak (SGDR, Loshchilov &amp; Hutter 2017, Eq. 5, one cycle).</summary>
    Cosine,

    /// <summary>The peak, held until the end.</summary>
    Constant,
}
