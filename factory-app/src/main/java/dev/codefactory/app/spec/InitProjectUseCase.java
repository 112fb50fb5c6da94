package dev.codefactory.app.spec;

import java.nio.file.Path;
import java.util.List;

/** {@code factory init}: lays out contracts/, reports/ and .factory/ in a git repository. */
public interface InitProjectUseCase {

    InitResult init();

    /** @param created project-relative paths created or changed; empty when the project was already set up */
    record InitResult(Path root, List<String> created) {
        public InitResult {
            created = List.copyOf(created);
        }

        public boolean alreadyInitialized() {
            return created.isEmpty();
        }
    }
}
