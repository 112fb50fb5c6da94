package dev.codefactory.adapter.fs.archfixture;

/** Public and named like a provider, but implements no port SPI and no other package uses it. */
public class NamedLikeAProvider {
}
