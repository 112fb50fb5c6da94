package dev.codefactory.domain.adopt;

/** What a piece of existing code offers to the outside, as adoption finds it (feature-011, FR-002). */
// implements feature-011/FR-002
public enum SurfaceKind {
    /** An HTTP route: {@code GET /owners/{id}}. */
    ROUTE("route"),
    /** A command-line entry point: a {@code main}, a picocli/argparse/click/cobra command. */
    ENTRY_POINT("entry-point"),
    /** A public class or interface of a package (a module's API). */
    PUBLIC_TYPE("public-type"),
    /** A scheduled job: {@code @Scheduled}, a cron registration. */
    SCHEDULED_JOB("scheduled-job"),
    /** A message listener: {@code @KafkaListener}, {@code @JmsListener}, {@code @RabbitListener}, an event handler. */
    LISTENER("listener"),
    /** A database schema or migration: an SQL file, a table. */
    SCHEMA("schema"),
    /** A persisted entity: a JPA {@code @Entity}, an ORM model. */
    ENTITY("entity"),
    /** A configuration key the code reads: {@code server.port}, {@code DATABASE_URL}. */
    CONFIG_KEY("config-key");

    private final String id;

    SurfaceKind(String id) {
        this.id = id;
    }

    /** The stable id used in JSON and plans: {@code route}, {@code entry-point}. */
    public String id() {
        return id;
    }
}
