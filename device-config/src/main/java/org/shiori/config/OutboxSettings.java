package org.shiori.config;

/** The durable outbox of transactions and events waiting for the broker; bounded in entries. */
public record OutboxSettings(int capacity) {}
