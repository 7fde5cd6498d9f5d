package dev.shortlease.application.port.out;

/** A tool the model may call; {@code parametersJsonSchema} is a JSON Schema object as text. */
public record ToolSpec(String name, String description, String parametersJsonSchema) {}
