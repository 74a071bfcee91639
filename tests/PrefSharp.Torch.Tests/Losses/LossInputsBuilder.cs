using PrefSharp.Torch.Losses.Preference;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Losses;

/// <summary>Builds tensor <see cref="PreferenceLossInputs"/> from <see cref="PairRow"/>s: right-padded per-token tensors and their sums.</summary>
internal static class LossInputsBuilder
{
    /// <summary>Inputs plus the two per-token policy leaves (for gradients); every per-sequence tensor is a sum of its per-token tensor.</summary>
    public static (PreferenceLossInputs Inputs, Tensor ChosenLeaf, Tensor RejectedLeaf) Build(
        IReadOnlyList<PairRow> rows, ScalarType dtype = ScalarType.Float64, bool requiresGrad = false, bool referenceFree = false)
    {
        var (policyChosen, chosenMask) = Padded(rows.Select(r => r.PolicyChosen).ToArray(), dtype);
        var (policyRejected, rejectedMask) = Padded(rows.Select(r => r.PolicyRejected).ToArray(), dtype);
        policyChosen.requires_grad_(requiresGrad);
        policyRejected.requires_grad_(requiresGrad);
        var referenceChosen = Padded(rows.Select(r => r.ReferenceChosen).ToArray(), dtype).Values;
        var referenceRejected = Padded(rows.Select(r => r.ReferenceRejected).ToArray(), dtype).Values;
        var inputs = new PreferenceLossInputs(policyChosen.sum(1), policyRejected.sum(1))
        {
            ReferenceChosen = referenceFree ? null : referenceChosen.sum(1),
            ReferenceRejected = referenceFree ? null : referenceRejected.sum(1),
            ChosenTokens = chosenMask.sum(1),
            RejectedTokens = rejectedMask.sum(1),
            PolicyChosenPerToken = policyChosen,
            PolicyRejectedPerToken = policyRejected,
            ReferenceChosenPerToken = referenceFree ? null : referenceChosen,
            ReferenceRejectedPerToken = referenceFree ? null : referenceRejected,
            ChosenMask = chosenMask,
            RejectedMask = rejectedMask,
            ChosenTokenWeights = Padded(rows.Select(r => r.ChosenWeights).ToArray(), dtype).Values,
            RejectedTokenWeights = Padded(rows.Select(r => r.RejectedWeights).ToArray(), dtype).Values,
            SoftLabels = tensor(rows.Select(r => r.SoftLabel).ToArray(), dtype),
            RewardMargins = tensor(rows.Select(r => r.RewardMargin).ToArray(), dtype),
        };
        return (inputs, policyChosen, policyRejected);
    }

    private static (Tensor Values, Tensor Mask) Padded(double[][] rows, ScalarType dtype)
    {
        var width = rows.Max(r => r.Length);
        var values = new double[rows.Length * width];
        var mask = new double[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
            for (var t = 0; t < rows[i].Length; t++)
            {
                values[i * width + t] = rows[i][t];
                mask[i * width + t] = 1;
            }
        return (tensor(values, dtype).reshape(rows.Length, width), tensor(mask, dtype).reshape(rows.Length, width));
    }

    /// <summary>A table of <paramref name="count"/> random pairs: 2–6 tokens each, token log-probs in (−4, −0.05).</summary>
    public static PairRow[] RandomRows(int count, int seed)
    {
        var random = new Random(seed);
        double[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => -0.05 - 3.95 * random.NextDouble()).ToArray();
        double[] Weights(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            int nc = random.Next(2, 7), nr = random.Next(2, 7);
            return new PairRow(Tokens(nc), Tokens(nc), Tokens(nr), Tokens(nr), Weights(nc), Weights(nr),
                SoftLabel: random.NextDouble(), RewardMargin: 4 * random.NextDouble() - 1);
        }).ToArray();
    }
}
