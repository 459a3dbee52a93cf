using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.People;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;

namespace OpenOrders.Api.Demo;

/// <summary>
/// In Development, a first start on an empty database gets a small world to try the guide's walk-through on:
/// the guide's test account, a second account that approves its own orders, a provider with a legal company,
/// courses with future start moments, a self-planned course, one assortment, and a client per role.
/// The demo secrets are fixed and printed, so the README's curl lines work as written.
/// </summary>
internal sealed class DemoWorld(OrdersDbContext db, TimeProvider time, UserManager<Person> people)
{
    public static readonly Guid GuideAccountId = Guid.Parse("50757d0c-0b56-4ff7-a3a9-115fdc18ffc3");
    public static readonly Guid ApprovingAccountId = Guid.Parse("6a0e1c9b-3f2d-4c1a-9e55-2b7d8f4a1c02");
    public static readonly Guid ProviderId = Guid.Parse("8d3b6f1e-72a4-4b0c-a1d9-5e2f7c3b9a10");
    public static readonly Guid LegalCompanyId = Guid.Parse("a4c2e8f0-1b3d-4e5f-8a7b-9c0d1e2f3a4b");
    public static readonly Guid AssortmentId = Guid.Parse("3e9f5a7c-8b1d-4c2e-b6f0-a1d2c3e4f5a6");
    public static readonly Guid ProjectManagementCourseId = Guid.Parse("0b5c9d2e-4f6a-4b7c-8d9e-1f2a3b4c5d01");
    public static readonly Guid ExcelCourseId = Guid.Parse("0b5c9d2e-4f6a-4b7c-8d9e-1f2a3b4c5d02");
    public static readonly Guid LeadershipCourseId = Guid.Parse("0b5c9d2e-4f6a-4b7c-8d9e-1f2a3b4c5d03");
    public static readonly Guid TimeManagementCourseId = Guid.Parse("0b5c9d2e-4f6a-4b7c-8d9e-1f2a3b4c5d04");

    public static readonly (string ClientId, string Secret, Role Role, Guid? Tenant, string Name)[] Clients =
    [
        ("demo-admin", "demo-admin-secret", Role.Admin, null, "Demo marketplace operator"),
        ("demo-account", "demo-account-secret", Role.Account, GuideAccountId, "Demo employer (guide's test account)"),
        ("demo-account-approval", "demo-account-approval-secret", Role.Account, ApprovingAccountId,
            "Demo employer that approves orders first"),
        ("demo-provider", "demo-provider-secret", Role.Provider, ProviderId, "Demo training institute"),
    ];

    public const string PeoplePassword = "Demo-password-1";

    /// <summary>
    /// The console's demo sign-ins, one per role (two accounts), all with <see cref="PeoplePassword"/>.
    /// </summary>
    // After the tenant ids: static fields are initialised in the order they are written.
    public static readonly (string Email, Role Role, Guid? Tenant)[] People =
    [
        ("admin@demo.test", Role.Admin, null),
        ("account@demo.test", Role.Account, GuideAccountId),
        ("approver@demo.test", Role.Account, ApprovingAccountId),
        ("provider@demo.test", Role.Provider, ProviderId),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(ct))
        {
            Seed();
            await db.SaveChangesAsync(ct);
        }
        await SeedPeopleAsync();
        Print();
    }

    private async Task SeedPeopleAsync()
    {
        foreach (var (email, role, tenant) in People)
        {
            if (await people.FindByEmailAsync(email) is not null) continue;
            var person = new Person
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, Role = role,
                TenantId = tenant, DateInvited = time.GetUtcNow(), InvitedBy = "demo world",
                // The demo shows mail at once (Admin → Mail); new people get one daily mail by default.
                WaitingOrdersMail = MailFrequency.AtOnce,
            };
            var created = await people.CreateAsync(person, PeoplePassword);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Could not create demo person {email}: "
                    + $"{string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
    }

    private void Seed()
    {
        var now = time.GetUtcNow();
        db.Accounts.AddRange(
            new Account { Id = GuideAccountId, Name = "Demo Werkgever BV", DateCreated = now, DateModified = now,
                AccountFeePercentage = 2m },
            new Account { Id = ApprovingAccountId, Name = "Zorggroep Demo", RequireAccountApproval = true,
                DateCreated = now, DateModified = now });
        db.Providers.Add(new Provider
        {
            Id = ProviderId, Name = "Demo Opleidingen BV", CalculateProviderFee = true, ProviderFeePercentage = 5m,
            IsVatExempt = true, DateCreated = now, DateModified = now,
            LegalCompanies = [new LegalCompany { Id = LegalCompanyId,
                MerchantId = Guid.Parse("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b"), Name = "Demo Opleidingen BV",
                VatNumber = "NL123456789B01" }],
        });

        // Start moments lie ahead of the first start, on Monday mornings, so the walk-through can use them for months.
        var monday = now.UtcDateTime.Date.AddDays(((int)DayOfWeek.Monday - (int)now.UtcDateTime.DayOfWeek + 7) % 7 + 7);
        DateTimeOffset Week(int weeks) => new(monday.AddDays(7 * weeks).AddHours(8), TimeSpan.Zero);

        db.Products.AddRange(
            Course(ProjectManagementCourseId, "Projectmanagement met PRINCE2 Foundation", OrderType.Course,
                LearningMethodFormat.Classroom, now,
                [Moment("PM-01", Week(4), "Hilversum", true), Moment("PM-02", Week(10), "Utrecht", false),
                    Moment("PM-03", Week(20), "Amsterdam", false)],
                [Price(CostType.CourseFee, 1195m, 21m), Price(CostType.ExamFee, 350m, 21m),
                    Price(CostType.MaterialFee, 89.95m, 9m)]),
            Course(ExcelCourseId, "Excel voor gevorderden", OrderType.Course, LearningMethodFormat.Online, now,
                [Moment("XL-01", Week(3), "Online", true), Moment("XL-02", Week(8), "Online", true)],
                [Price(CostType.CourseFee, 495m, 21m)]),
            Course(LeadershipCourseId, "Leidinggeven in de praktijk", OrderType.Coaching,
                LearningMethodFormat.Blended, now,
                [Moment("LD-01", Week(6), "Hilversum", false)],
                [Price(CostType.CourseFee, 2450m, 21m), Price(CostType.AccommodationFee, 310m, 9m)],
                professional: true),
            Course(TimeManagementCourseId, "Timemanagement (e-learning)", OrderType.ELearning,
                LearningMethodFormat.SelfPaced, now,
                [], [Price(CostType.CourseFee, 149m, 21m)], planning: Planning.SelfPlanned));

        db.Assortments.Add(new Assortment
        {
            Id = AssortmentId, Name = "Demo assortiment", DateCreated = now, DateModified = now,
            AccountIds = [GuideAccountId, ApprovingAccountId],
            ProductIds = [ProjectManagementCourseId, ExcelCourseId, LeadershipCourseId, TimeManagementCourseId],
        });

        db.PromotionalCodes.Add(new PromotionalCode { Code = "WELKOM10", DiscountPercentage = 10m, DateCreated = now });

        foreach (var c in Clients)
            if (!db.ApiClients.Any(x => x.ClientId == c.ClientId))
                db.ApiClients.Add(new ApiClient { ClientId = c.ClientId, Name = c.Name, Role = c.Role,
                    TenantId = c.Tenant, SecretHash = SecretHasher.Hash(c.Secret), DateCreated = now });
    }

    private static Product Course(Guid id, string name, OrderType type, LearningMethodFormat format, DateTimeOffset now,
        List<StartMoment> moments, List<PriceComponent> prices, bool professional = false,
        Planning planning = Planning.Scheduled) => new()
    {
        Id = id, ProviderId = ProviderId, Name = name, OrderType = type, ProductType = "Training",
        ProductTypeDisplayValue = "Training",
        LearningMethod = new LearningMethod
        {
            Name = format == LearningMethodFormat.Classroom ? "Klassikale training" : name,
            Format = format, Planning = planning
        },
        StartMoments = moments, PriceComponents = prices, IsProfessionalCourse = professional, IsActive = true,
        DateCreated = now, DateModified = now,
    };

    private static StartMoment Moment(string externalId, DateTimeOffset date, string location, bool guaranteed) =>
        new() { Id = Guid.CreateVersion7(), ExternalId = externalId, Date = date, Location = location,
            StartGuaranteed = guaranteed };

    private static PriceComponent Price(CostType type, decimal amount, decimal vat) =>
        new() { CostType = type, AmountWithoutVat = amount, VatPercentage = vat };

    private static void Print()
    {
        Console.WriteLine();
        Console.WriteLine("Demo world (Development only). Get a token with:");
        Console.WriteLine("  curl -s -d grant_type=client_credentials -d client_id=<id> -d client_secret=<secret> "
            + "http://localhost:5080/oauth/token");
        foreach (var c in Clients)
            Console.WriteLine($"  {c.Role,-9} client_id={c.ClientId,-22} client_secret={c.Secret,-30} "
                + $"{(c.Tenant is { } t ? "tenant " + t : "")}");
        Console.WriteLine($"  Guide's test account: {GuideAccountId}; demo course: {ProjectManagementCourseId} "
            + "(start moment PM-01)");
        Console.WriteLine();
        Console.WriteLine(
            $"Console: http://localhost:5080/console, every demo person with the password {PeoplePassword}:");
        foreach (var p in People)
            Console.WriteLine($"  {p.Role,-9} {p.Email,-22} {(p.Tenant is { } t ? "tenant " + t : "")}");
        Console.WriteLine();
    }
}
