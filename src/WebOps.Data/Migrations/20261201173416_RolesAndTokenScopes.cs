using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <summary>
    /// Roles for users and scopes and expiry for API tokens. Everyone could do everything before, so existing users
    /// become admins and existing tokens get scope admin and no expiry (the column defaults).
    /// </summary>
    public partial class RolesAndTokenScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "role",
                table: "users",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Admin");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                table: "api_tokens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "api_tokens",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Admin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place (SQLite 3.35+): EF's DropColumn would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE users DROP COLUMN role;");
            migrationBuilder.Sql("ALTER TABLE api_tokens DROP COLUMN expires_at;");
            migrationBuilder.Sql("ALTER TABLE api_tokens DROP COLUMN scope;");
        }
    }
}
