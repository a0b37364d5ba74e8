package cn.wenzhou.renovation.procedure;

/** A document a step needs (by the decision table) that the project does not have. */
public record MissingDocument(RequiredDocument document) {}
