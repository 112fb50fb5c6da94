/**
 * Plain text, whatever it holds: which characters must never reach a terminal as they are, and how they are shown
 * ({@link dev.codefactory.domain.text.ControlCharacters}), and what a person probably meant by a mistyped name
 * ({@link dev.codefactory.domain.text.Closest}). Formats live in their own packages: {@code domain.json},
 * {@code domain.yaml}, {@code domain.markdown}, and the data blocks of a prompt in {@code domain.prompt}.
 */
package dev.codefactory.domain.text;
