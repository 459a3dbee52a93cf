namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Why an attempt at a delivery failed, kept with the attempt (<see cref="WebhookAttempt.Failure"/>) so that a reader
/// words it in its own language without parsing the sender's English sentence.
/// </summary>
public enum DeliveryFailure
{
    /// <summary>The receiver answered, with a status code other than 2xx (the attempt keeps the code).</summary>
    Answered,

    /// <summary>No answer within the attempt's timeout.</summary>
    NoAnswerInTime,

    /// <summary>The callback's host name could not be resolved.</summary>
    HostNotFound,

    /// <summary>No connection: refused, or the host could not be reached.</summary>
    NoConnection,

    /// <summary>The TLS handshake failed: a certificate not trusted, a protocol not spoken.</summary>
    SecureConnection,

    /// <summary>The receiver closed the connection before it answered.</summary>
    ConnectionClosed,

    /// <summary>Anything else before an answer: an answer that is no HTTP, a protocol error.</summary>
    Other,
}

public static class DeliveryFailures
{
    /// <summary>The kind of a failure HttpClient reports before any answer.</summary>
    public static DeliveryFailure Of(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => DeliveryFailure.HostNotFound,
        HttpRequestError.ConnectionError => DeliveryFailure.NoConnection,
        HttpRequestError.SecureConnectionError => DeliveryFailure.SecureConnection,
        HttpRequestError.ResponseEnded => DeliveryFailure.ConnectionClosed,
        _ => DeliveryFailure.Other,
    };
}
