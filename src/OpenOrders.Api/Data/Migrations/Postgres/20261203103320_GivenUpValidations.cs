using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrders.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GivenUpValidations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DateDead",
                table: "ValidationJobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "ValidationJobs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DateDead",
                table: "ValidationJobs");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "ValidationJobs");
        }
    }
}
