using PrefSharp.Torch.Training.Data;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Loop;

public sealed partial class Trainer<TBatch>
{
    /// <summary>
    /// One full pass over the held-out data in eval mode under <c>no_grad</c>: loss and every metric as Σ sums / Σ weights
    /// over all micro-batches (a weighted mean, independent of the batch size).
    /// </summary>
    public EvaluationResult Evaluate()
    {
        var source = evaluation ?? throw new InvalidOperationException("no evaluation data was given to the trainer");
        var wasTraining = model.Module.training;
        model.Module.eval();
        try
        {
            using var noGrad = no_grad();
            source.Seek(DataPosition.Start);
            double weight = 0, loss = 0;
            var sums = new Dictionary<string, double>(StringComparer.Ordinal);
            do
            {
                using var scope = NewDisposeScope();
                var batch = OnModelDevice(source.Next());
                weight += objective.Weight(batch);
                var result = objective.Compute(batch);
                loss += result.Sum.to(ScalarType.Float64).item<double>();
                foreach (var (name, value) in result.MetricSums) sums[name] = sums.GetValueOrDefault(name) + value;
                batch.Dispose();
            }
            while (source.Position.Index < source.ExampleCount);
            if (!(weight > 0)) throw new InvalidOperationException("the evaluation data has no scored units (total weight 0)");
            return new EvaluationResult(loss / weight, sums.ToDictionary(kv => kv.Key, kv => kv.Value / weight), weight);
        }
        finally
        {
            if (wasTraining) model.Module.train();
        }
    }
}
