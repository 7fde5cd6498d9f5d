package dev.shortlease.application.port.out;

/** The model's request to run a tool, with its arguments as a JSON object text. */
public record ToolCall(String id, String name, String argumentsJson) {}
