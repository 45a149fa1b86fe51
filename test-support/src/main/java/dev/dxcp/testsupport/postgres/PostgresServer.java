package dev.dxcp.testsupport.postgres;

import java.util.List;

/** One way of providing the PostgreSQL server behind {@link TestPostgres}. */
interface PostgresServer {

    String description();

    String host();

    int port();

    String user();

    String password();

    /** Database the admin connection uses; it must allow CREATE DATABASE. */
    String adminDatabase();

    void stop();

    void start();

    boolean isRunning();

    /** Runs pgbench against this server; the arguments follow the connection options. */
    ProcessResult pgbench(List<String> args);

    /** Releases everything for good (shutdown hook). */
    void destroy();
}
