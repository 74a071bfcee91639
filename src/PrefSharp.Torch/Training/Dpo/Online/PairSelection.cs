namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>How an online DPO round turns the K scored samples of a prompt into preference pairs.</summary>
public enum PairSelection
{
    /// <summary>
    /// DNO (Rosset et al. 2024, "Direct Nash Optimization", Alg. 2): the sample with the highest score against the one
    /// with the lowest, kept only when the gap reaches the margin filter (<see cref="OnlineDpoOptions.MinMargin"/>).
    /// </summary>
    BestWorst,

    /// <summary>
    /// RSO (Liu et al. 2024, "Statistical Rejection Sampling Improves Preference Optimization", Algorithm 1): the samples
    /// accepted by rejection sampling toward π·exp(r/β)/Z (<see cref="RejectionSampling"/>), paired in the order accepted
    /// and labelled by their scores.
    /// </summary>
    Rso,
}
