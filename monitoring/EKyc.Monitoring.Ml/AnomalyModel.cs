using System.Collections.Concurrent;
using System.Collections.Immutable;
using EKyc.Monitoring.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EKyc.Monitoring.Scoring;

/// <summary>
/// Unsupervised anomaly model over <see cref="FeatureVector"/>s: ML.NET RandomizedPca learns the subspace that normal
/// activity lives in; an event's anomaly is how far its (transformed, standardised) features fall outside it.
/// <para>
/// The raw score is the reconstruction error ‖x − m − UᵀU(x − m)‖. ML.NET reports it relative to ‖x − m‖, which
/// rates a tiny wobble off-subspace as highly as a huge one; the model multiplies that back by ‖x − m‖. The normalised
/// score is raw / (raw + c), c being the <see cref="AnomalyModelOptions.CalibrationQuantile"/> of the training scores:
/// monotone (so ranking and AUC are those of the raw error), in [0, 1), and 0.5 exactly at that quantile.
/// </para>
/// <para>
/// Thread-safe: ML.NET's PredictionEngine is not, so scoring rents one from a pool. Save/Load use a stream: a small
/// header (features, transforms, scaling, calibration) followed by ML.NET's own model archive.
/// </para>
/// </summary>
public sealed class AnomalyModel : IDisposable
{
    private const int Magic = 0x4D414B45; // "EKAM"
    private const int FormatVersion = 1;
    private const string FeatureColumn = "Features";

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly SchemaDefinition _schema;
    private readonly string[] _features;
    private readonly FeatureTransform[] _transforms;
    private readonly double[] _center;
    private readonly double[] _scale;
    private readonly float[] _pcaMean;
    private readonly float[][] _eigenVectors;
    private readonly byte[] _mlModel;
    private readonly ConcurrentBag<PooledEngine> _pool = [];
    private readonly Lock _createLock = new();
    private double _calibration;
    private bool _disposed;

    private AnomalyModel(MLContext ml, ITransformer transformer, byte[] mlModel, string[] features, FeatureTransform[] transforms,
        double[] center, double[] scale, double calibration, int trainingRows)
    {
        _ml = ml;
        _transformer = transformer;
        _mlModel = mlModel;
        _features = features;
        _transforms = transforms;
        _center = center;
        _scale = scale;
        _calibration = calibration;
        TrainingRows = trainingRows;
        _schema = SchemaFor(features.Length);
        var pca = PcaParameters(transformer);
        VBuffer<float>[] vectors = [];
        pca.GetEigenVectors(ref vectors, out var rank);
        _eigenVectors = [.. vectors.Take(rank).Select(v => v.DenseValues().ToArray())];
        var mean = default(VBuffer<float>);
        pca.GetMean(ref mean);
        _pcaMean = mean.Length == features.Length ? mean.DenseValues().ToArray() : new float[features.Length];
    }

    /// <summary>The features the model reads, in order.</summary>
    public IReadOnlyList<string> Features => _features;

    public int Rank => _eigenVectors.Length;

    /// <summary>The raw score that maps to 0.5.</summary>
    public double CalibrationReference => _calibration;

    public int TrainingRows { get; }

    /// <summary>Trains on feature vectors of normal activity (labels are not used: the model is unsupervised).</summary>
    public static AnomalyModel Train(IEnumerable<FeatureVector> normal, AnomalyModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(normal);
        options ??= new AnomalyModelOptions();
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new ArgumentException("invalid anomaly model options: " + string.Join("; ", problems), nameof(options));

        var features = options.Features.ToArray();
        var transforms = features.Select(AnomalyModelOptions.TransformFor).ToArray();
        var d = features.Length;
        var transformed = new List<double[]>();
        foreach (var vector in normal)
        {
            var row = new double[d];
            for (var i = 0; i < d; i++) row[i] = Apply(transforms[i], vector[features[i]]);
            transformed.Add(row);
        }
        if (transformed.Count < options.MinimumTrainingRows)
            throw new ArgumentException($"at least {options.MinimumTrainingRows} training rows are needed (got {transformed.Count})", nameof(normal));

        var center = new double[d];
        var scale = new double[d];
        foreach (var row in transformed)
            for (var i = 0; i < d; i++) center[i] += row[i];
        for (var i = 0; i < d; i++) center[i] /= transformed.Count;
        foreach (var row in transformed)
            for (var i = 0; i < d; i++) scale[i] += (row[i] - center[i]) * (row[i] - center[i]);
        for (var i = 0; i < d; i++) scale[i] = Math.Max(Math.Sqrt(scale[i] / transformed.Count), options.MinimumScale);

        var scaled = transformed.Select(row => new ModelRow { Features = Standardise(row, center, scale) }).ToList();
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(scaled, SchemaFor(d));
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = FeatureColumn,
            Rank = options.Rank,
            Oversampling = options.Oversampling,
            EnsureZeroMean = true,
            Seed = options.Seed,
        });
        var transformer = trainer.Fit(data);
        using var buffer = new MemoryStream();
        ml.Model.Save(transformer, data.Schema, buffer);

        var model = new AnomalyModel(ml, transformer, buffer.ToArray(), features, transforms, center, scale, calibration: 1, scaled.Count);
        var engine = model.Rent();
        try
        {
            var raws = scaled.Select(row => model.Raw(engine, row.Features)).Order().ToArray();
            var index = (int)Math.Clamp(Math.Ceiling(options.CalibrationQuantile * raws.Length) - 1, 0, raws.Length - 1);
            model._calibration = Math.Max(raws[index], 1e-6);
        }
        finally
        {
            model.Return(engine);
        }
        return model;
    }

    /// <summary>Scores one feature vector; thread-safe.</summary>
    public AnomalyScore Score(FeatureVector features, int topContributors = 3)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(topContributors);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var x = Scaled(features);
        var engine = Rent();
        double raw;
        try
        {
            raw = Raw(engine, x);
        }
        finally
        {
            Return(engine);
        }
        return new AnomalyScore(Normalise(raw), raw, topContributors == 0 ? [] : Explain(features, x, topContributors));
    }

    /// <summary>raw² / (raw² + c²): the squared reconstruction error (SPE) against its calibration quantile.</summary>
    private double Normalise(double raw) => raw * raw / (raw * raw + _calibration * _calibration);

    /// <summary>Writes the model (header and ML.NET archive) to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(_features.Length);
        for (var i = 0; i < _features.Length; i++)
        {
            writer.Write(_features[i]);
            writer.Write((byte)_transforms[i]);
            writer.Write(_center[i]);
            writer.Write(_scale[i]);
        }
        writer.Write(_calibration);
        writer.Write(TrainingRows);
        writer.Write(_mlModel.Length);
        writer.Write(_mlModel);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static AnomalyModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic) throw new InvalidDataException("not an anomaly model");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"unsupported anomaly model format {version}");
        var d = reader.ReadInt32();
        if (d is < 2 or > 10_000) throw new InvalidDataException("corrupt anomaly model header");
        var features = new string[d];
        var transforms = new FeatureTransform[d];
        var center = new double[d];
        var scale = new double[d];
        for (var i = 0; i < d; i++)
        {
            features[i] = reader.ReadString();
            transforms[i] = (FeatureTransform)reader.ReadByte();
            center[i] = reader.ReadDouble();
            scale[i] = reader.ReadDouble();
        }
        var calibration = reader.ReadDouble();
        var trainingRows = reader.ReadInt32();
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length) throw new InvalidDataException("truncated anomaly model");
        var ml = new MLContext();
        using var archive = new MemoryStream(bytes, writable: false);
        var transformer = ml.Model.Load(archive, out _);
        return new AnomalyModel(ml, transformer, bytes, features, transforms, center, scale, calibration, trainingRows);
    }

    public static AnomalyModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        while (_pool.TryTake(out var engine)) engine.Engine.Dispose();
    }

    private float Raw(PooledEngine engine, float[] x)
    {
        engine.Row.Features = x;
        var prediction = engine.Prediction;
        engine.Engine.Predict(engine.Row, ref prediction);
        var norm = 0.0;
        for (var i = 0; i < x.Length; i++) norm += (x[i] - _pcaMean[i]) * (x[i] - _pcaMean[i]);
        return (float)(prediction.Score * Math.Sqrt(norm));
    }

    private ImmutableArray<FeatureContribution> Explain(FeatureVector features, float[] x, int top)
    {
        var d = x.Length;
        var centred = new double[d];
        for (var i = 0; i < d; i++) centred[i] = x[i] - _pcaMean[i];
        var reconstruction = new double[d];
        foreach (var u in _eigenVectors)
        {
            var projection = 0.0;
            for (var i = 0; i < d; i++) projection += u[i] * centred[i];
            for (var i = 0; i < d; i++) reconstruction[i] += projection * u[i];
        }
        var squared = new double[d];
        var total = 0.0;
        for (var i = 0; i < d; i++)
        {
            var r = centred[i] - reconstruction[i];
            squared[i] = r * r;
            total += squared[i];
        }
        if (total <= 0) return [];
        var count = Math.Min(top, d);
        var result = ImmutableArray.CreateBuilder<FeatureContribution>(count);
        var taken = new bool[d];
        for (var k = 0; k < count; k++)
        {
            var i = -1;
            for (var j = 0; j < d; j++)
                if (!taken[j] && (i < 0 || squared[j] > squared[i])) i = j;
            taken[i] = true;
            // "+ 0.0" turns a rounded -0 into 0 for display.
            result.Add(new FeatureContribution(
                _features[i],
                features[_features[i]],
                Math.Round(Invert(_transforms[i], _center[i] + _scale[i] * (_pcaMean[i] + reconstruction[i])), 3) + 0.0,
                Math.Round(squared[i] / total, 4)));
        }
        return result.MoveToImmutable();
    }

    private float[] Scaled(FeatureVector features)
    {
        var x = new float[_features.Length];
        for (var i = 0; i < x.Length; i++) x[i] = (float)((Apply(_transforms[i], features[_features[i]]) - _center[i]) / _scale[i]);
        return x;
    }

    private static float[] Standardise(double[] row, double[] center, double[] scale)
    {
        var x = new float[row.Length];
        for (var i = 0; i < x.Length; i++) x[i] = (float)((row[i] - center[i]) / scale[i]);
        return x;
    }

    private static double Apply(FeatureTransform transform, double value) => transform switch
    {
        FeatureTransform.Log1p => Math.Log(1 + Math.Max(0, value)),
        _ => value,
    };

    private static double Invert(FeatureTransform transform, double value) => transform switch
    {
        FeatureTransform.Log1p => Math.Max(0, Math.Exp(value) - 1),
        _ => value,
    };

    private PooledEngine Rent()
    {
        if (_pool.TryTake(out var engine)) return engine;
        // Creating engines from one MLContext concurrently is not documented as safe; creation is rare, so serialise it.
        lock (_createLock)
            return new PooledEngine(_ml.Model.CreatePredictionEngine<ModelRow, ModelPrediction>(_transformer, inputSchemaDefinition: _schema));
    }

    private void Return(PooledEngine engine)
    {
        engine.Row.Features = [];
        if (_disposed) engine.Engine.Dispose();
        else _pool.Add(engine);
    }

    private static SchemaDefinition SchemaFor(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(ModelRow));
        schema[FeatureColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }

    // A freshly trained transformer is typed on PcaModelParameters; a loaded one on ML.NET's internal predictor
    // interface, with the same PcaModelParameters inside.
    private static PcaModelParameters PcaParameters(ITransformer transformer) => transformer switch
    {
        IPredictionTransformer<object> { Model: PcaModelParameters pca } => pca,
        TransformerChain<ITransformer> { LastTransformer: IPredictionTransformer<object> { Model: PcaModelParameters pca } } => pca,
        _ => throw new InvalidDataException($"the ML.NET model is not a RandomizedPca model ({transformer.GetType().Name})"),
    };

    /// <summary>A prediction engine with its reusable input and output rows; used by one thread at a time.</summary>
    private sealed class PooledEngine(PredictionEngine<ModelRow, ModelPrediction> engine)
    {
        public PredictionEngine<ModelRow, ModelPrediction> Engine { get; } = engine;
        public ModelRow Row { get; } = new();
        public ModelPrediction Prediction { get; } = new();
    }

    /// <summary>ML.NET's input row: the standardised feature vector.</summary>
    internal sealed class ModelRow
    {
        public float[] Features { get; set; } = [];
    }

    /// <summary>ML.NET's output row.</summary>
    internal sealed class ModelPrediction
    {
        public float Score { get; set; }
        public bool PredictedLabel { get; set; }
    }
}
