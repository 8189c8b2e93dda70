package org.shiori.config;

/** The local admin API through which the technician's tool talks to a running service. */
public record AdminSettings(int port) {}
