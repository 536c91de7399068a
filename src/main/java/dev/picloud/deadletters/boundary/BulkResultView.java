package dev.picloud.deadletters.boundary;

/**
 * A bulk action's answer: how many dead letters it resolved and, for a replay, how many outbox rows
 * it wrote (one per dead letter; absent for a resolve).
 */
public record BulkResultView(int count, Integer outboxRows) {}
