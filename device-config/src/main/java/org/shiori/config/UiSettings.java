package org.shiori.config;

/** The patron-facing web UI served on the device's own screen. */
public record UiSettings(int port) {}
