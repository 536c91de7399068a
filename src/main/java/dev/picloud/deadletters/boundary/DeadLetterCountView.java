package dev.picloud.deadletters.boundary;

/** How many of the app's dead letters are unresolved (handler_failed ones included). */
public record DeadLetterCountView(long unresolved) {}
