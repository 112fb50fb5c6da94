package dev.codefactory.app.spec;

import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.spec.SpecStatus;
import java.time.LocalDate;
import java.util.Objects;

/** {@code factory spec status}: moves a contract along its lifecycle and sets its {@code updated} date. */
public interface ChangeSpecStatusUseCase {

    StatusChange changeStatus(ChangeSpecStatusCommand command);

    record ChangeSpecStatusCommand(String id, SpecStatus target) {
        public ChangeSpecStatusCommand {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
        }
    }

    record StatusChange(SpecId id, String path, SpecStatus from, SpecStatus to, LocalDate updated) {
    }
}
