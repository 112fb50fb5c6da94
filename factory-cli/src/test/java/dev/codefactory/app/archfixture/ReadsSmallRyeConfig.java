package dev.codefactory.app.archfixture;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;

/** SmallRye Config outside {@code app.config}. */
public class ReadsSmallRyeConfig {
    Config config() {
        return new SmallRyeConfigBuilder().build();
    }
}
