package org.shiori.central.ils;

/** What the ILS said about itself in answer to a heartbeat. */
public record IlsStatus(
    boolean online, boolean checkoutAllowed, boolean checkinAllowed, boolean renewalAllowed) {}
