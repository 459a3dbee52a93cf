namespace OpenOrders.Api.Hosting;

/// <summary>Absolute URLs of our resources, for the <c>url</c> of every reference.</summary>
public static class Links
{
    /// <summary>The configured public address (<see cref="PublicUrl"/>), not the request's Host.</summary>
    public static string BaseUrl(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicUrl>().BaseUrl;

    public static string Account(string baseUrl, Guid id) => $"{baseUrl}/api/v1/accounts/{id}";
    public static string Provider(string baseUrl, Guid id) => $"{baseUrl}/api/v1/providers/{id}";
    public static string Assortment(string baseUrl, Guid id) => $"{baseUrl}/api/v1/assortments/{id}";
    public static string Course(string baseUrl, Guid id) => $"{baseUrl}/api/v1/courses/{id}";
    public static string Order(string baseUrl, Guid id) => $"{baseUrl}/api/v1/orders/{id}";
    public static string OrderStatusTransition(string baseUrl, Guid id) =>
        $"{baseUrl}/api/v1/order-status-transitions/{id}";
}
