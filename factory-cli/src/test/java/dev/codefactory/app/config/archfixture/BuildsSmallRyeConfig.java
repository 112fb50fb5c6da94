package dev.codefactory.app.config.archfixture;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;

/** Keeps to the rules: SmallRye Config inside {@code app.config}, where it belongs. */
public class BuildsSmallRyeConfig {
    Config config() {
        return new SmallRyeConfigBuilder().build();
    }
}
