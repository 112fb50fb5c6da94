package dev.codefactory.adapter.java;

import dev.codefactory.port.source.SourceSurvey;
import dev.codefactory.port.source.spi.SourceSurveyProvider;

/** Java read with JavaParser: id {@code javaparser}. */
public final class JavaParserSurveyProvider implements SourceSurveyProvider {

    @Override
    public String id() {
        return "javaparser";
    }

    @Override
    public SourceSurvey create() {
        return new JavaParserSurvey();
    }
}
