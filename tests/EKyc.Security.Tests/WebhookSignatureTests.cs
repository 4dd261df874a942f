using System.Text;
using V = EKyc.Security.WebhookSignature.Verdict;

namespace EKyc.Security.Tests;

public class WebhookSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec-test-0123456789abcdef");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"account.flagged","subjectId":"acct-1"}""");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_signed_delivery_verifies()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        Assert.StartsWith($"t={Now.ToUnixTimeSeconds()},v1=", header, StringComparison.Ordinal);
        Assert.Equal(V.Valid, WebhookSignature.Verify(Secret, header, Body, Now.AddSeconds(30), Window));
    }

    [Fact]
    public void Changed_bodies_other_secrets_and_moved_timestamps_fail()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var altered = (byte[])Body.Clone();
        altered[^3] ^= 1;
        Assert.Equal(V.BadSignature, WebhookSignature.Verify(Secret, header, altered, Now, Window));
        Assert.Equal(V.BadSignature, WebhookSignature.Verify("other-secret"u8, header, Body, Now, Window));
        var shifted = header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);
        Assert.Equal(V.BadSignature, WebhookSignature.Verify(Secret, shifted, Body, Now, Window));
    }

    [Fact]
    public void A_replay_outside_the_window_is_refused()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        Assert.Equal(V.OutsideReplayWindow, WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6), Window));
        Assert.Equal(V.OutsideReplayWindow, WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(-6), Window));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1790000000")]
    [InlineData("t=1790000000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    public void Malformed_headers_are_refused(string? header) =>
        Assert.Equal(V.Malformed, WebhookSignature.Verify(Secret, header, Body, Now, Window));
}
