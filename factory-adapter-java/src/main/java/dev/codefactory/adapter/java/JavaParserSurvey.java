package dev.codefactory.adapter.java;

import dev.codefactory.domain.adopt.FileFacts;
import dev.codefactory.port.source.SourceSurvey;

/** What a Java file declares, read with JavaParser (feature-011, FR-002, FR-003). */
// implements feature-011/FR-003
final class JavaParserSurvey implements SourceSurvey {

    @Override
    public boolean reads(String language) {
        return "Java".equals(language);
    }

    @Override
    public FileFacts survey(String path, String language, String text, boolean test) {
        throw new UnsupportedOperationException("skeleton: JavaParserSurvey.survey");
    }
}
