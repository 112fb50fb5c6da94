package dev.codefactory.port.source.spi;

import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link SourceSurvey} implementations through {@link java.util.ServiceLoader}: {@code javaparser}. */
public interface SourceSurveyProvider extends Provider {

    SourceSurvey create();
}
