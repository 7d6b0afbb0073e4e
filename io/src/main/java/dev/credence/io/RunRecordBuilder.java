package dev.credence.io;

import dev.credence.api.backend.Backend;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link RunRecord}. The library version and the Java runtime's details are filled in from
 * the running JVM; {@link #start(Instant)} and {@link #end(Instant)} default to the moment the
 * builder was made and the moment {@link #build()} is called.
 */
public final class RunRecordBuilder {
    private String libraryVersion = Versions.of(RunRecord.class);
    private String backend = "";
    private String backendVersion = Versions.UNKNOWN;
    private String algorithm = "";
    private final Map<String, Object> config = new LinkedHashMap<>();
    private long seed;
    private String dataHash = "";
    private Instant start = Instant.now();
    private Instant end;

    RunRecordBuilder() {}

    /**
     * Overrides the library version (normally read from the api module).
     *
     * @param v the version
     * @return this builder
     */
    public RunRecordBuilder libraryVersion(String v) {
        libraryVersion = v;
        return this;
    }

    /**
     * Sets the backend name; prefer {@link #backend(Backend)}, which records the plugin's version
     * too.
     *
     * @param name the backend, for example {@code jvm}
     * @return this builder
     */
    public RunRecordBuilder backend(String name) {
        backend = name;
        return this;
    }

    /**
     * Sets the backend name and the version of the plugin that provides it.
     *
     * @param b the backend the run used
     * @return this builder
     */
    public RunRecordBuilder backend(Backend b) {
        backend = b.name();
        backendVersion = Versions.of(b.getClass());
        return this;
    }

    /**
     * Sets the version of the backend's plugin (normally found by {@link #backend(Backend)}).
     *
     * @param v the version
     * @return this builder
     */
    public RunRecordBuilder backendVersion(String v) {
        backendVersion = v;
        return this;
    }

    /**
     * Sets the algorithm.
     *
     * @param name the algorithm, for example {@code nuts} or {@code svi}
     * @return this builder
     */
    public RunRecordBuilder algorithm(String name) {
        algorithm = name;
        return this;
    }

    /**
     * Adds settings to the config.
     *
     * @param settings values as {@link Json} accepts them
     * @return this builder
     */
    public RunRecordBuilder config(Map<String, ?> settings) {
        config.putAll(settings);
        return this;
    }

    /**
     * Sets the seed.
     *
     * @param s the seed of the run's root random key
     * @return this builder
     */
    public RunRecordBuilder seed(long s) {
        seed = s;
        return this;
    }

    /**
     * Sets the data hash.
     *
     * @param sha256 the SHA-256 of the inputs, from {@link Sha256}
     * @return this builder
     */
    public RunRecordBuilder dataHash(String sha256) {
        dataHash = sha256;
        return this;
    }

    /**
     * Sets the start time.
     *
     * @param t the instant
     * @return this builder
     */
    public RunRecordBuilder start(Instant t) {
        start = t;
        return this;
    }

    /**
     * Sets the end time.
     *
     * @param t the instant
     * @return this builder
     */
    public RunRecordBuilder end(Instant t) {
        end = t;
        return this;
    }

    /**
     * Builds the record.
     *
     * @return the record
     */
    public RunRecord build() {
        return new RunRecord(
                libraryVersion,
                backend,
                backendVersion,
                algorithm,
                config,
                seed,
                dataHash,
                start,
                end == null ? Instant.now() : end,
                System.getProperty("java.runtime.version", Runtime.version().toString()),
                System.getProperty("java.vendor", "unknown"),
                System.getProperty("os.name", "unknown") + " " + System.getProperty("os.arch", ""));
    }
}
