using Orleans;
using Orleans.Runtime;

namespace EKyc.Grains;

internal static class StateWrites
{
    /// <summary>
    /// Writes grain state; if the write fails the activation is dropped so the next call reloads what is really
    /// stored, instead of serving in-memory changes that never reached the database.
    /// </summary>
    public static async Task WriteOrResetAsync<T>(this Grain grain, IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
