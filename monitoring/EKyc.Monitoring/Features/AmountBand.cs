namespace EKyc.Monitoring.Features;

/// <summary>A half-open range of amounts, [<see cref="Low"/>, <see cref="High"/>): a threshold itself is never "under" it.</summary>
public readonly record struct AmountBand(decimal Low, decimal High)
{
    public bool Contains(decimal amount) => amount >= Low && amount < High;
}
