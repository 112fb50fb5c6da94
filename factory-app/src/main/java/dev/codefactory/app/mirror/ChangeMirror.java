package dev.codefactory.app.mirror;

/** SKELETON (issue 17): filled in by the helper that owns the change pages. */
public final class ChangeMirror {
}
