package dev.codefactory.domain.spec;

import dev.codefactory.domain.report.Finding;
import java.util.List;

/**
 * A check of one contract that {@link SpecValidator} runs besides its own rules, from a package that builds on this
 * one (the requirement ids of {@code domain.trace}). Called from several threads at once: it must be thread-safe.
 */
@FunctionalInterface
public interface ContractCheck {
    /** No extra check. */
    ContractCheck NONE = source -> List.of();

    /** The findings of one contract whose front matter could be read. */
    List<Finding> check(SpecSource.Parsed source);
}
