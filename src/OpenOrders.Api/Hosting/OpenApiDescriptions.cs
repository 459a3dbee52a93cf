namespace OpenOrders.Api.Hosting;

/// <summary>
/// The words of the OpenAPI document in one place: a stable operationId per handler (code generators name their
/// methods after it), a description per operation and per tag. A test fails when an operation has none.
/// </summary>
public static class OpenApiDescriptions
{
    /// <summary>Handler names whose camelCase is not the name an integrator would look for.</summary>
    public static readonly IReadOnlyDictionary<string, string> OperationIds = new Dictionary<string, string>
    {
        ["RequestTransition"] = "requestOrderStatusTransition",
        ["GetTransition"] = "getOrderStatusTransition",
        ["Subscribe"] = "createWebhookSubscription",
        ["Unsubscribe"] = "deleteWebhookSubscription",
        ["ListSubscriptions"] = "listWebhookSubscriptions",
        ["GetSubscription"] = "getWebhookSubscription",
        ["RotateSecret"] = "rotateWebhookSecret",
        ["Enable"] = "enableWebhookSubscription",
        ["Disable"] = "disableWebhookSubscription",
        ["SendTest"] = "sendWebhookTestEvent",
        ["ListAttempts"] = "listWebhookDeliveries",
        ["Redeliver"] = "redeliverWebhook",
        ["Recover"] = "recoverWebhookDeliveries",
        ["RunInvoices"] = "runInvoicing",
        ["Reinvite"] = "reinvitePerson",
        ["PutCode"] = "putPromotionalCode",
        ["ListCodes"] = "listPromotionalCodes",
    };

    /// <summary>
    /// Real requests and answers (Hosting/OpenApiExamples, captured from the demo world), by operation and status:
    /// "request" is the body's example. A test validates each against its schema.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Examples =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["createOrder"] = new Dictionary<string, string> { ["request"] = "create-order", ["201"] = "order" },
            ["getOrder"] = new Dictionary<string, string> { ["200"] = "order" },
            ["requestOrderStatusTransition"] = new Dictionary<string, string>
            {
                ["request"] = "status-transition-request", ["201"] = "status-transition", ["409"] = "illegal-move",
            },
        };

    public static System.Text.Json.Nodes.JsonNode Example(string name)
    {
        using var stream = typeof(OpenApiDescriptions).Assembly.GetManifestResourceStream($"openapi.{name}.json")
                           ?? throw new InvalidOperationException($"No OpenAPI example '{name}'.");
        return System.Text.Json.Nodes.JsonNode.Parse(stream)!;
    }

    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Auth"] = "Bearer tokens for API clients (OAuth 2.0 client credentials). Every other operation needs one.",
        ["Orders"] =
            "Orders of a course for a student: create, read, list and sync, change, and move through the statuses.",
        ["Webhooks"] =
            "Notifications of every change, signed, retried for days, with a delivery log and replay; " +
            "and the events feed.",
        ["Invoicing"] = "The admin's invoice run: consecutive invoice numbers for the orders that are due.",
        ["Accounts"] = "Employers that order courses for their people.",
        ["Providers"] =
            "Training institutes that own courses, with the legal companies invoices are issued on behalf of.",
        ["Assortments"] = "The courses an account may order.",
        ["Courses"] = "A provider's courses, with their start moments and prices.",
        ["Promotional codes"] = "Discount codes an order may carry.",
        ["Enumerations"] = "Every enumeration with its values and Dutch display values.",
        ["Clients"] = "API clients: one role and, for accounts and providers, one tenant. The secret is shown once.",
        ["People"] = "People of the console: invited by an admin with a one-time link to set a password.",
        ["Mail"] = "The mail the service sends people (students, team leaders, the console's people), kept in an " +
            "outbox written with each change and sent over SMTP.",
    };

    public static readonly IReadOnlyDictionary<string, string> Operations = new Dictionary<string, string>
    {
        ["issueToken"] =
            "Exchanges a client id and secret (form fields or HTTP Basic) for a bearer token valid for one hour. " +
            "Errors follow RFC 6749 §5.2; after 10 wrong secrets in a minute the client id (or address) waits.",
        ["listEnumerations"] = "Every enumeration the API uses, with its values and their Dutch display values.",
        ["listWebhooks"] = "The webhooks one can subscribe to, each a resource and an action.",
        ["listEvents"] =
            "The same events the webhooks send, as a feed to pull: keep `next` and ask again for what came after.",
        ["createClient"] =
            "Creates an API client with a role and, for accounts and providers, a tenant. " +
            "The secret is in this answer only.",
        ["listClients"] = "Every API client, without secrets.",
        ["revokeClient"] = "Revokes a client: it gets no new tokens, and the tokens it has are refused from now on.",
        ["invitePerson"] =
            "Invites a person to the console. The one-time link to set a password is mailed to them and is in this " +
            "answer, which does not show it again.",
        ["listPeople"] =
            "Every person of the console, with whether they have set a password and whether they are disabled.",
        ["reinvitePerson"] =
            "A new one-time link for a person who lost theirs, mailed to them too; earlier links stop working.",
        ["listMailMessages"] =
            "The mail outbox, newest first: what was (or will be) mailed to whom and why, with its status, attempts " +
            "and the SMTP server's last answer. Filter by status, order and recipient; follow `next` for more.",
        ["getMailMessage"] = "One mail with its HTML and plain-text parts, exactly as it is (or was) sent.",
        ["resendMailMessage"] =
            "Puts a mail back in the queue, due at once: the same message with the same Message-ID.",
        ["disablePerson"] = "Disables a person: they can no longer sign in and are signed out at their next request.",
        ["listAccounts"] = "The accounts the caller may see: all for an admin, its own for an account.",
        ["createAccount"] = "Creates an account; only a name is needed, the settings take their defaults.",
        ["getAccount"] = "One account, if the caller may see it.",
        ["updateAccount"] = "Changes an account's name or settings.",
        ["listProviders"] = "The providers the caller may see: all for an admin, its own for a provider.",
        ["createProvider"] = "Creates a provider, optionally with its legal companies.",
        ["getProvider"] = "One provider with its legal companies, if the caller may see it.",
        ["updateProvider"] = "Changes a provider's name, settings or legal companies.",
        ["listAssortments"] = "The assortments the caller may see.",
        ["createAssortment"] = "Creates an assortment: which accounts may order which courses.",
        ["getAssortment"] = "One assortment, if the caller may see it.",
        ["updateAssortment"] = "Changes an assortment's name, accounts or courses.",
        ["listCourses"] = "A provider's own courses, or the courses of an account's assortments.",
        ["createCourse"] = "A provider creates a course with its learning method, start moments and price components.",
        ["getCourse"] = "One course with its start moments (an order names a start moment by its externalId).",
        ["replaceCourse"] = "A provider replaces a course's description, start moments and prices.",
        ["listPromotionalCodes"] = "Every promotional code and its discount.",
        ["putPromotionalCode"] = "Creates or changes a promotional code.",
        ["createOrder"] =
            "Creates an order as the guide's example writes it (property names in any case: the guide's own " +
            "\"OrderType\" and \"FirstChoiceStartmomentId\" work). It is stored as " +
            "PendingValidation and validated in the background within milliseconds. Send Idempotency-Key to make " +
            "retries safe.",
        ["retryValidation"] =
            "Admin only. A validation that failed again and again is given up: the order stays PendingValidation " +
            "with a ValidationNotCompleted error. Once the cause is fixed, this puts it back in the queue (202); " +
            "404 when the order has no given-up validation.",
        ["getOrder"] = "The whole order. The ETag is its version; If-None-Match answers 304 when nothing changed.",
        ["listOrders"] =
            "The caller's orders, oldest change first, with filters and a cursor. To sync, list with updatedSince " +
            "and follow next: no change is ever skipped.",
        ["updateOrder"] =
            "Changes an order with a JSON merge patch. If-Match with the order's ETag is required. Which properties " +
            "a role may set depends on the status; a refused property is named in a 422, and nothing is changed.",
        ["requestOrderStatusTransition"] =
            "Moves an order to another status, if the status table allows it for the caller's " +
            "role; a 409 lists the moves that are allowed now.",
        ["updateOrderLine"] =
            "The provider names the legal company an order line is invoiced on behalf of (name and VAT number).",
        ["getOrderStatusTransition"] = "One status transition of an order the caller may see.",
        ["runInvoicing"] =
            "Invoices every PendingInvoice order with consecutive invoice numbers, and answers which order got which.",
        ["createWebhookSubscription"] =
            "Subscribes a callback URL to a webhook, for the caller's tenant. The shared secret (given " +
            "or generated) is in this answer only.",
        ["listWebhookSubscriptions"] = "The caller's webhook subscriptions (an admin's: all).",
        ["getWebhookSubscription"] = "One webhook subscription, without its secret.",
        ["deleteWebhookSubscription"] = "Removes a subscription; its pending deliveries are given up.",
        ["rotateWebhookSecret"] = "A new shared secret; the old one keeps signing beside it for 24 hours.",
        ["enableWebhookSubscription"] =
            "Enables a disabled subscription again; failed deliveries can then be recovered.",
        ["disableWebhookSubscription"] = "Stops deliveries to a subscription until it is enabled again.",
        ["sendWebhookTestEvent"] = "Sends a signed test event now and answers what the receiver said.",
        ["listWebhookDeliveries"] =
            "The delivery log, newest first: every attempt with its status code, duration and error.",
        ["redeliverWebhook"] = "Sends one event again, with the same webhook-id.",
        ["recoverWebhookDeliveries"] = "Sends again every event that failed since a given time.",
    };
}
