using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.Tests.Webhooks;

public sealed class WebhookSigningTests
{
    /// <summary>The example in the Standard Webhooks specification.</summary>
    [Fact]
    public void The_signature_reproduces_the_standard_webhooks_test_vector() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSigning.Signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"));

    /// <summary>
    /// The specification's example signed with the current whsec_ secret and an older plain one (its UTF-8 bytes are
    /// the key): printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}'
    /// | openssl dgst -sha256 -hmac 'an-older-plain-secret' -binary | base64
    /// </summary>
    [Fact]
    public void During_a_rotation_both_secrets_sign_in_order()
    {
        var header = WebhookSigning.SignatureHeader(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "an-older-plain-secret"],
            "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
        Assert.Equal(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,M0ZualvaQJ7pb0kz2goH7Y/yv1hwGbzbTts9No/eaSk=",
            header);
    }

    [Fact]
    public void The_callback_hash_is_sha256_over_the_strings_as_sent()
    {
        // echo -n '2026-01-01T00:00:00.000ZCreatedhttps://x/api/v1/orders/1abcsecret' | sha256sum | xxd -r -p | base64
        Assert.Equal("1fqcNYn8lH3eaUu62AA7u/B5c7aJzKroiquzi9F8gkw=",
            WebhookSigning.CallbackHash("2026-01-01T00:00:00.000Z", "Created", "https://x/api/v1/orders/1", "abc",
                "secret"));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 4.5, 5.5)]
    [InlineData(2, 270, 330)]
    [InlineData(9, 77760, 95040)]
    public void Retries_follow_the_schedule_within_ten_percent(int attemptsMade, double minSeconds, double maxSeconds)
    {
        for (var i = 0; i < 50; i++)
            Assert.InRange(WebhookDispatcher.Retries.NextDelay(attemptsMade, null)!.Value.TotalSeconds,
                minSeconds, maxSeconds);
    }

    [Fact]
    public void After_the_last_retry_there_is_none_and_retry_after_is_honoured()
    {
        Assert.Null(WebhookDispatcher.Retries.NextDelay(10, null));
        Assert.Equal(TimeSpan.FromMinutes(3), WebhookDispatcher.Retries.NextDelay(1, TimeSpan.FromMinutes(3)));
        Assert.Equal(TimeSpan.FromHours(24), WebhookDispatcher.Retries.NextDelay(1, TimeSpan.FromDays(3)));
    }
}
