package org.elicence.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the per-service databases on the machine's PostgreSQL server. */
public final class PostgresDatabases {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_USER = "postgres";

    private PostgresDatabases() {
    }

    public static String host() {
        return setting("ELICENCE_PG_HOST", DEFAULT_HOST);
    }

    public static int port() {
        return Integer.parseInt(setting("ELICENCE_PG_PORT", Integer.toString(DEFAULT_PORT)));
    }

    public static String user() {
        return setting("ELICENCE_PG_USER", DEFAULT_USER);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Drops and recreates {@code database}, so a test run starts from an empty schema. */
    public static void recreate(String database) {
        requireSafeName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + database + " on " + jdbcUrl("postgres")
                    + " (is PostgreSQL running?)", e);
        }
    }

    private static void requireSafeName(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    private static String setting(String env, String defaultValue) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
