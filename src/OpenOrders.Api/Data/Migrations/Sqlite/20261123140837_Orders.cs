using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrders.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ValidationJobs",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValidationJobs", x => x.OrderId);
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

            migrationBuilder.InsertData(
                table: "Counters",
                columns: new[] { "Name", "Value" },
                values: new object[] { "InvoiceNumber", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ExpiresAt",
                table: "IdempotencyRecords",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_OrderStatusTransitions_OrderId_Sequence",
                table: "OrderStatusTransitions",
                columns: new[] { "OrderId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId_DateModified",
                table: "Orders",
                columns: new[] { "AccountId", "DateModified" });

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
                name: "IX_Orders_ProviderId_DateModified",
                table: "Orders",
                columns: new[] { "ProviderId", "DateModified" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_AcceptedStartMomentDate",
                table: "Orders",
                columns: new[] { "Status", "AcceptedStartMomentDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ValidationJobs_DueAt",
                table: "ValidationJobs",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "OrderStatusTransitions");

            migrationBuilder.DropTable(
                name: "PromotionalCodes");

            migrationBuilder.DropTable(
                name: "ValidationJobs");

            migrationBuilder.DropTable(
                name: "Orders");
        }
    }
}
