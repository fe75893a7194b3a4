package org.elicence.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
        drop(database);
        execute("CREATE DATABASE " + database);
    }

    /**
     * A database of this JVM's own for {@code baseName} ({@code application_test_p4711}), dropped by
     * {@link #drop}: two test runs on one machine (two modules' suites, a developer's run beside CI's) never drop
     * each other's database. Databases left by runs that were killed (their process is gone) are dropped here.
     */
    public static String recreateForThisRun(String baseName) {
        requireSafeName(baseName);
        dropAbandoned(baseName);
        String database = baseName + "_p" + ProcessHandle.current().pid();
        recreate(database);
        return database;
    }

    public static void drop(String database) {
        requireSafeName(database);
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void dropAbandoned(String baseName) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT datname FROM pg_database")) {
            List<String> abandoned = new ArrayList<>();
            while (rows.next()) {
                String name = rows.getString(1);
                if (name.startsWith(baseName + "_p")) {
                    String pid = name.substring(baseName.length() + 2);
                    if (pid.matches("[0-9]{1,10}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        abandoned.add(name);
                    }
                }
            }
            abandoned.forEach(PostgresDatabases::drop);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases on " + jdbcUrl("postgres")
                    + " (is PostgreSQL running?)", e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + jdbcUrl("postgres")
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
