using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OpenOrders.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequireAccountApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvoicedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AccountFeePercentage = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    IsConsumer = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyStudents = table.Column<bool>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateModified = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiClients",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateRevoked = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClients", x => x.ClientId);
                });

            migrationBuilder.CreateTable(
                name: "Assortments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccountIds = table.Column<string>(type: "TEXT", nullable: false),
                    ProductIds = table.Column<string>(type: "TEXT", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateModified = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assortments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulkMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AdminCancellationReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LegalCompanyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateDone = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkMoves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Counters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", nullable: true),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.ClientId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "MailMessages",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OnceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateSent = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailMessages", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusBeforeValidation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateModified = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FirstChoiceStartMomentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SecondChoiceStartMomentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ExternalEmployeeCode = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StudentExternalCompany = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PurchaseOrderReference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CostCentre = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PrincipalId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PromotionalCode = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TeamLeaderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TeamLeaderEmailAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TeamLeaderPhoneNumber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TeamLeaderCostCentre = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TeamLeaderDepartment = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TeamLeaderPersonnelNumber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ProviderPurchaseOrderReference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AcceptedStartMomentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedStartMomentDate = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedStartMomentLocation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AssortmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssortmentName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ProductTypeDisplayValue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LearningMethodName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LearningMethodFormat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Planning = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StartMomentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartMomentDate = table.Column<long>(type: "INTEGER", nullable: true),
                    StartMomentLocation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StartMomentStartGuaranteed = table.Column<bool>(type: "INTEGER", nullable: true),
                    SecondStartMomentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SecondStartMomentDate = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondStartMomentLocation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    InvoicedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    InvoiceNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    IsProfessionalCourse = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsConsumer = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequireAccountApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    CalculateProviderFee = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasSubsidy = table.Column<bool>(type: "INTEGER", nullable: false),
                    Subsidy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsVatExempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    PendingAcceptedStartMomentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<long>(type: "INTEGER", nullable: false, computedColumnSql: "COALESCE(\"AcceptedStartMomentDate\", \"StartMomentDate\", 6462214373376000000)", stored: true),
                    TotalCents = table.Column<long>(type: "INTEGER", nullable: false, computedColumnSql: "CAST(ROUND(\"Total\" * 100) AS INTEGER)", stored: true),
                    Customer_BirthCity = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_BirthCountryCode = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Customer_Company = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Department = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Customer_FirstName = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_MiddleName = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Surname = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Address_City = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Address_CountryCode = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Address_HouseNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Customer_Address_HouseNumberAdditive = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Address_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Customer_Address_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Errors = table.Column<string>(type: "TEXT", nullable: true),
                    OrderLineAccountFees = table.Column<string>(type: "TEXT", nullable: true),
                    OrderLineFees = table.Column<string>(type: "TEXT", nullable: true),
                    OrderLines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DateInvited = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    DateDisabled = table.Column<long>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    WaitingOrdersMail = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WebhookProblemsMail = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrderType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProductType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProductTypeDisplayValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsProfessionalCourse = table.Column<bool>(type: "INTEGER", nullable: false),
                    Subsidy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateModified = table.Column<long>(type: "INTEGER", nullable: false),
                    LearningMethod_Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LearningMethod_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LearningMethod_Planning = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PromotionalCodes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DiscountPercentage = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionalCodes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CalculateProviderFee = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProviderFeePercentage = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    IsVatExempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateModified = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ValidationJobs",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateDead = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValidationJobs", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "WebhookAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LatencyMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponseExcerpt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebhookId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangePosition = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatusTransitionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ModifiedFields = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateDelivered = table.Column<long>(type: "INTEGER", nullable: true),
                    EventDate = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebhookId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreviousSecret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PreviousSecretExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisabledReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FailingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureMailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulkMoveItems",
                columns: table => new
                {
                    BulkMoveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkMoveItems", x => new { x.BulkMoveId, x.Position });
                    table.ForeignKey(
                        name: "FK_BulkMoveItems_BulkMoves_BulkMoveId",
                        column: x => x.BulkMoveId,
                        principalTable: "BulkMoves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderChanges",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ModifiedFields = table.Column<string>(type: "TEXT", nullable: false),
                    StatusTransitionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FeedPosition = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderChanges", x => x.Position);
                    table.ForeignKey(
                        name: "FK_OrderChanges_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AuthorTenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderNotes_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderStatusTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChangedByKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AdminCancellationReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderStatusTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderStatusTransitions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonClaims_People_UserId",
                        column: x => x.UserId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_PersonLogins_People_UserId",
                        column: x => x.UserId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_PersonTokens_People_UserId",
                        column: x => x.UserId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedViews_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriceComponents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CostType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AmountWithoutVat = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    VatPercentage = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceComponents_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StartMoments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StartGuaranteed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StartMoments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StartMoments_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalCompanies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VatNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalCompanies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalCompanies_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Counters",
                columns: new[] { "Name", "Value" },
                values: new object[,]
                {
                    { "EventFeed", 0L },
                    { "InvoiceNumber", 0L },
                    { "OrderNumber", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_BulkMoves_DueAt",
                table: "BulkMoves",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ExpiresAt",
                table: "IdempotencyRecords",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_LegalCompanies_ProviderId",
                table: "LegalCompanies",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_DateCreated",
                table: "MailMessages",
                column: "DateCreated");

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_Id",
                table: "MailMessages",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_OnceKey",
                table: "MailMessages",
                column: "OnceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_OrderId",
                table: "MailMessages",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_MailMessages_Status_DueAt",
                table: "MailMessages",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_FeedPosition",
                table: "OrderChanges",
                column: "FeedPosition");

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_Id",
                table: "OrderChanges",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_NotSentOut",
                table: "OrderChanges",
                column: "Position",
                filter: "\"FeedPosition\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_OrderId_Version",
                table: "OrderChanges",
                columns: new[] { "OrderId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderNotes_OrderId_DateCreated",
                table: "OrderNotes",
                columns: new[] { "OrderId", "DateCreated" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderStatusTransitions_OrderId_Sequence",
                table: "OrderStatusTransitions",
                columns: new[] { "OrderId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_DateCreated_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "AccountId", "DateCreated", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_DateModified",
                table: "Orders",
                columns: new[] { "AccountId", "DateModified" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "AccountId", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_ProductId",
                table: "Orders",
                columns: new[] { "AccountId", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_StartDate_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "AccountId", "StartDate", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_Status_DateModified_OrderNumber",
                table: "Orders",
                columns: new[] { "AccountId", "Status", "DateModified", "OrderNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_TotalCents_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "AccountId", "TotalCents", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_DateModified_Id",
                table: "Orders",
                columns: new[] { "DateModified", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OrderNumber",
                table: "Orders",
                column: "OrderNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ProviderId_AccountId",
                table: "Orders",
                columns: new[] { "ProviderId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ProviderId_DateCreated_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "ProviderId", "DateCreated", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ProviderId_DateModified",
                table: "Orders",
                columns: new[] { "ProviderId", "DateModified" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ProviderId_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "ProviderId", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ProviderId_StartDate_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "ProviderId", "StartDate", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ProviderId_Status_DateModified_OrderNumber",
                table: "Orders",
                columns: new[] { "ProviderId", "Status", "DateModified", "OrderNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ProviderId_TotalCents_OrderNumber_Status",
                table: "Orders",
                columns: new[] { "ProviderId", "TotalCents", "OrderNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_AcceptedStartMomentDate",
                table: "Orders",
                columns: new[] { "Status", "AcceptedStartMomentDate" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "People",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_People_Role_TenantId",
                table: "People",
                columns: new[] { "Role", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "People",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonClaims_UserId",
                table: "PersonClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLogins_UserId",
                table: "PersonLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceComponents_ProductId",
                table: "PriceComponents",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_ProviderId",
                table: "Products",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_PersonId_Name",
                table: "SavedViews",
                columns: new[] { "PersonId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StartMoments_ProductId_ExternalId",
                table: "StartMoments",
                columns: new[] { "ProductId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ValidationJobs_DueAt",
                table: "ValidationJobs",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookAttempts_AttemptedAt",
                table: "WebhookAttempts",
                column: "AttemptedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookAttempts_SubscriptionId_Id",
                table: "WebhookAttempts",
                columns: new[] { "SubscriptionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_DueAt",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_DateCreated",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "DateCreated" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_OwnerRole_TenantId",
                table: "WebhookSubscriptions",
                columns: new[] { "OwnerRole", "TenantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Accounts");

            migrationBuilder.DropTable(
                name: "ApiClients");

            migrationBuilder.DropTable(
                name: "Assortments");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BulkMoveItems");

            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "LegalCompanies");

            migrationBuilder.DropTable(
                name: "MailMessages");

            migrationBuilder.DropTable(
                name: "OrderChanges");

            migrationBuilder.DropTable(
                name: "OrderNotes");

            migrationBuilder.DropTable(
                name: "OrderStatusTransitions");

            migrationBuilder.DropTable(
                name: "PersonClaims");

            migrationBuilder.DropTable(
                name: "PersonLogins");

            migrationBuilder.DropTable(
                name: "PersonTokens");

            migrationBuilder.DropTable(
                name: "PriceComponents");

            migrationBuilder.DropTable(
                name: "PromotionalCodes");

            migrationBuilder.DropTable(
                name: "SavedViews");

            migrationBuilder.DropTable(
                name: "StartMoments");

            migrationBuilder.DropTable(
                name: "ValidationJobs");

            migrationBuilder.DropTable(
                name: "WebhookAttempts");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "WebhookSubscriptions");

            migrationBuilder.DropTable(
                name: "BulkMoves");

            migrationBuilder.DropTable(
                name: "Providers");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Products");
        }
    }
}
