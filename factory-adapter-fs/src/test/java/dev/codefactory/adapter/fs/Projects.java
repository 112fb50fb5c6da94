package dev.codefactory.adapter.fs;

import dev.codefactory.adapter.fs.contract.FileTemplateSourceProvider;
import dev.codefactory.adapter.fs.contract.MarkdownReportRepositoryProvider;
import dev.codefactory.adapter.fs.contract.MarkdownSpecificationRepositoryProvider;
import dev.codefactory.adapter.fs.layout.FileProjectLayoutProvider;
import dev.codefactory.port.project.ProjectLayout;
import dev.codefactory.port.report.ReportRepository;
import dev.codefactory.port.spec.SpecificationRepository;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.template.TemplateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Test fixtures: a project context on a temporary folder, and the adapters made through their providers. */
public final class Projects {
    public static final Instant NOW = Instant.parse("2026-01-07T10:15:30Z");

    private Projects() {
    }

    public static ProjectContext context(Path root) {
        return new ProjectContext(root, Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), ProjectContext.Limits.DEFAULT);
    }

    public static ProjectContext context(Path root, long maxSpecBytes) {
        return new ProjectContext(root, Clock.fixed(NOW, ZoneOffset.UTC), Map.of(),
                new ProjectContext.Limits(maxSpecBytes));
    }

    public static SpecificationRepository specs(Path root) {
        return new MarkdownSpecificationRepositoryProvider().create(context(root));
    }

    public static ReportRepository reports(Path root) {
        return new MarkdownReportRepositoryProvider().create(context(root));
    }

    public static ProjectLayout layout(Path root) {
        return new FileProjectLayoutProvider().create(context(root));
    }

    public static TemplateSource templates(Path root) {
        return new FileTemplateSourceProvider().create(context(root));
    }

    public static Path write(Path root, String path, String content) {
        return writeBytes(root, path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path writeBytes(Path root, String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path root, String path) {
        try {
            return Files.readAllBytes(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid feature spec with the given id. */
    public static String spec(String id) {
        return "---\n"
                + "id: " + id + "\n"
                + "title: Spec " + id + "\n"
                + "status: draft\n"
                + "created: 2026-01-07\n"
                + "updated: 2026-01-07\n"
                + "author: ada\n"
                + "tags: [auth, backend]\n"
                + "priority: high\n"
                + "---\n"
                + "\n"
                + "# Spec " + id + "\n"
                + "\n"
                + "## Overview\n"
                + "\n"
                + "What it does.\n"
                + "\n"
                + "## Requirements\n"
                + "\n"
                + "- It works.\n";
    }
}
