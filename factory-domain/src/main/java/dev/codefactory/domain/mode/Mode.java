package dev.codefactory.domain.mode;

import java.util.Locale;

/** The four things Code-Factory does. */
public enum Mode {
    INTAKE, REVIEW, CHANGE_ORDER, RESCUE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
