package dev.codefactory.port.llm;

/** Why a generation ended. */
public enum FinishReason { STOP, LENGTH, CANCELLED, OTHER }
