using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.People;

/// <summary>
/// People of the console, managed by the admin over the API, so a fresh deployment needs no console to start.
/// </summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People").RequireRoles(Role.Admin)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapPost("", InvitePerson)
            .WithName("invitePerson")
            .WithDescription("Invites a person to the console. The one-time link to set a password is mailed to them " +
                "and is in this answer, which does not show it again.")
            .WithSummary(
                "Invite a person to the console: the one-time link to set a password is mailed to them and shown once")
            .ProducesValidationProblem();
        group.MapGet("", ListPeople)
            .WithName("listPeople")
            .WithDescription("Every person of the console, with whether they have set a password and whether they " +
                "are disabled.")
            .WithSummary("List the console's people");
        group.MapPost("/{id:guid}/invitation", Reinvite)
            .WithName("reinvitePerson")
            .WithDescription("A new one-time link for a person who lost theirs, mailed to them too; earlier links " +
                "stop working.")
            .WithSummary("A new one-time link; earlier links stop working")
            .ProducesProblem(404);
        group.MapPost("/{id:guid}/disable", DisablePerson)
            .WithName("disablePerson")
            .WithDescription("Disables a person: they can no longer sign in and are signed out at their next request.")
            .WithSummary("Disable a person: signed out at their next request")
            .ProducesProblem(404);
        return group;
    }

    public static async Task<Results<Created<InvitationResponse>, ValidationProblem>> InvitePerson(
        PersonRequest body, Caller caller, Invitations invitations, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var invitation = await invitations.InviteAsync(body.Email, body.Role, body.TenantId, caller, errors, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Created($"/api/v1/people/{invitation.Person.Id}", InvitationResponse.From(invitation));
    }

    public static async Task<Ok<ItemsResponse<PersonResponse>>> ListPeople(
        Invitations invitations, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<PersonResponse>(
            [.. (await invitations.ListAsync(ct)).Select(PersonResponse.From)]));

    public static async Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> Reinvite(
        Guid id, Invitations invitations) =>
        await invitations.ReinviteAsync(id) is { } invitation
            ? TypedResults.Ok(InvitationResponse.From(invitation))
            : Problems.NotFound("person", id);

    public static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> DisablePerson(
        Guid id, Caller caller, Invitations invitations) =>
        await invitations.DisableAsync(id, caller.Actor) is { } person
            ? TypedResults.Ok(PersonResponse.From(person))
            : Problems.NotFound("person", id);
}

public sealed record PersonRequest([Required] string? Email, [Required] Role? Role, Guid? TenantId);

/// <summary>A person, with the mail they asked for on the console's Notifications page.</summary>
public sealed record PersonResponse(
    Guid Id, string Email, Role Role, Guid? TenantId, bool HasSetPassword, DateTimeOffset DateInvited,
    DateTimeOffset? DateDisabled, string Language, MailFrequency WaitingOrdersMail, bool WebhookProblemsMail)
{
    public static PersonResponse From(Person p) =>
        new(p.Id, p.Email!, p.Role, p.TenantId, p.HasSetPassword, p.DateInvited, p.DateDisabled, p.Language,
            p.WaitingOrdersMail, p.WebhookProblemsMail);
}

/// <summary>The person and the link to give them: it is not shown again (a new one can be made).</summary>
public sealed record InvitationResponse(PersonResponse Person, string SetPasswordLink, DateTimeOffset LinkExpiresAt)
{
    public static InvitationResponse From(Invitation i) =>
        new(PersonResponse.From(i.Person), i.Link, i.ExpiresAt);
}
