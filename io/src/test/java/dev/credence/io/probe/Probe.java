package dev.credence.io.probe;

/**
 * A class with no dependencies that {@code VersionsTest} copies into jars and loads in isolation.
 * It lives in a package of its own, which no module exports, so a test layer may define it again.
 */
public final class Probe {
    private Probe() {}
}
