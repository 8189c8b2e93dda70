package org.shiori.testkit;

import java.nio.file.Path;

/**
 * A client's PEM files made by {@link TestCertificates}: the CA to trust, its certificate and its
 * private key.
 */
public record ClientCertificate(Path caCertificate, Path certificate, Path key) {}
