using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

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
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CalculateProviderFee = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProviderFeePercentage = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    IsVatExempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    DateCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    DateModified = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_LegalCompanies_ProviderId",
                table: "LegalCompanies",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceComponents_ProductId",
                table: "PriceComponents",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_ProviderId",
                table: "Products",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_StartMoments_ProductId_ExternalId",
                table: "StartMoments",
                columns: new[] { "ProductId", "ExternalId" },
                unique: true);
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
                name: "LegalCompanies");

            migrationBuilder.DropTable(
                name: "PriceComponents");

            migrationBuilder.DropTable(
                name: "StartMoments");

            migrationBuilder.DropTable(
                name: "Providers");

            migrationBuilder.DropTable(
                name: "Products");
        }
    }
}
