package dev.codefactory.adapter.fs.archfixture;

/** Public, but neither a provider nor used from another package of its adapter: it should be package-private. */
public class UsedOnlyInItsOwnPackage {
}
