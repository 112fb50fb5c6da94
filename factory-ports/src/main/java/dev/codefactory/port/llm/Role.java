package dev.codefactory.port.llm;

/** Who says a chat message. */
public enum Role { SYSTEM, USER, ASSISTANT }
