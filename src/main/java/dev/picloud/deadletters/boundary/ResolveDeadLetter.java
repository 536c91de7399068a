package dev.picloud.deadletters.boundary;

/** {@code POST …/dead_letters/{id}/resolve}: reason ignored or handled_by_script, note optional. */
public record ResolveDeadLetter(String reason, String note) {}
