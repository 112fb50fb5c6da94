package dev.codefactory.cli;

import dev.codefactory.domain.spec.Priority;
import dev.codefactory.domain.spec.SpecKind;
import dev.codefactory.domain.spec.SpecStatus;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Argument parsing for the domain's enums, with messages that list what is allowed. */
final class Converters {
    private Converters() {
    }

    static final class Status implements ITypeConverter<SpecStatus> {
        @Override
        public SpecStatus convert(String value) {
            return SpecStatus.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown status '" + value + "'; use one of " + SpecStatus.labels()));
        }
    }

    static final class PriorityLevel implements ITypeConverter<Priority> {
        @Override
        public Priority convert(String value) {
            return Priority.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown priority '" + value + "'; use one of " + Priority.labels()));
        }
    }

    static final class Kind implements ITypeConverter<SpecKind> {
        @Override
        public SpecKind convert(String value) {
            return SpecKind.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown kind '" + value + "'; use one of spec, architecture, decision"));
        }
    }
}
