using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class DockerSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "auto_generate_dockerfile",
                table: "deployments",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "docker_build_args",
                table: "deployments",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "docker_compose_path",
                table: "deployments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "docker_env_vars",
                table: "deployments",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "docker_image_name",
                table: "deployments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "docker_network_mode",
                table: "deployments",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Bridge");

            migrationBuilder.AddColumn<string>(
                name: "docker_ports",
                table: "deployments",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<string>(
                name: "docker_volumes",
                table: "deployments",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<string>(
                name: "dockerfile_path",
                table: "deployments",
                type: "TEXT",
                maxLength: 255,
                nullable: false,
                defaultValue: "Dockerfile");

            migrationBuilder.AddColumn<bool>(
                name: "use_docker",
                table: "deployments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "auto_generate_dockerfile",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "docker_build_args",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "docker_compose_path",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "docker_env_vars",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "docker_image_name",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "docker_network_mode",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "docker_ports",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "docker_volumes",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "dockerfile_path",
                table: "deployments");

            migrationBuilder.DropColumn(
                name: "use_docker",
                table: "deployments");
        }
    }
}
