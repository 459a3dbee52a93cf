using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenOrders.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Mail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FailureMailedAt",
                table: "WebhookSubscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Providers",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "nl");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "People",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "nl");

            migrationBuilder.AddColumn<string>(
                name: "WaitingOrdersMail",
                table: "People",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Daily");

            migrationBuilder.AddColumn<bool>(
                name: "WebhookProblemsMail",
                table: "People",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "OrderChanges",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "PendingValidation");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Accounts",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "nl");

            migrationBuilder.AddColumn<bool>(
                name: "NotifyStudents",
                table: "Accounts",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "MailMessages",
                columns: table => new
                {
                    Position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Cause = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: true),
                    OnceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DateCreated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DateSent = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailMessages", x => x.Position);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailMessages");

            migrationBuilder.DropColumn(
                name: "FailureMailedAt",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "People");

            migrationBuilder.DropColumn(
                name: "WaitingOrdersMail",
                table: "People");

            migrationBuilder.DropColumn(
                name: "WebhookProblemsMail",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "OrderChanges");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "NotifyStudents",
                table: "Accounts");
        }
    }
}
