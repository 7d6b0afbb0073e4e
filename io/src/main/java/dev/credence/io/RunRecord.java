package dev.credence.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The provenance of one run: what produced a checkpoint, a draw file or a report, so that a result
 * can be traced to code, data and settings, and repeated.
 *
 * <p>A record is written as JSON beside each artifact, at {@link #besidePath(Path)} ({@code
 * NAME.run.json} next to {@code NAME}), and read back with {@link #readBeside(Path)}.
 *
 * <pre>{@code
 * RunRecord rec = RunRecord.builder()
 *         .backend(backend.name())
 *         .algorithm("nuts")
 *         .config(Map.of("chains", 4, "warmup", 1000))
 *         .seed(4711)
 *         .dataHash(Sha256.ofFiles(List.of(dataFile)))
 *         .start(t0)
 *         .end(Instant.now())
 *         .build();
 * checkpoint.write(file, rec);
 * }</pre>
 *
 * @param libraryVersion the Credence version that ran (the api module's version)
 * @param backend the name of the compute backend
 * @param backendVersion the version of the plugin that provides the backend (see {@link Versions})
 * @param algorithm the inference or training algorithm
 * @param config the settings of the run, values as {@link Json} accepts them
 * @param seed the seed of the run's root {@link dev.credence.api.random.RandomKey}
 * @param dataHash the SHA-256 of the input data (see {@link Sha256}), or "" when there is none
 * @param start when the run started
 * @param end when the run ended
 * @param javaVersion the version of the Java runtime ({@code java.runtime.version})
 * @param javaVendor the vendor of the Java runtime
 * @param os the operating system name and architecture
 */
public record RunRecord(
        String libraryVersion,
        String backend,
        String backendVersion,
        String algorithm,
        Map<String, Object> config,
        long seed,
        String dataHash,
        Instant start,
        Instant end,
        String javaVersion,
        String javaVendor,
        String os) {

    /** The value of the {@code "kind"} member that marks a run record. */
    public static final String KIND = "credence-run-record";

    /**
     * The version of the JSON layout this class writes. It also reads version 1, written before
     * records carried {@code backendVersion} (read as {@link Versions#UNKNOWN}).
     */
    public static final int VERSION = 2;

    /**
     * Validates the components and makes the config unmodifiable.
     *
     * @param libraryVersion the Credence version that ran (the api module's version)
     * @param backend the name of the compute backend
     * @param backendVersion the version of the plugin that provides the backend
     * @param algorithm the inference or training algorithm
     * @param config the settings of the run, values as {@link Json} accepts them
     * @param seed the seed of the run's root {@link dev.credence.api.random.RandomKey}
     * @param dataHash the SHA-256 of the input data (see {@link Sha256}), or "" when there is none
     * @param start when the run started
     * @param end when the run ended
     * @param javaVersion the version of the Java runtime ({@code java.runtime.version})
     * @param javaVendor the vendor of the Java runtime
     * @param os the operating system name and architecture
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the config cannot be written as JSON
     */
    public RunRecord {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(backendVersion, "backendVersion");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(dataHash, "dataHash");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(os, "os");
        Json.write(config);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /**
     * Starts a record with the library version and this JVM's details filled in.
     *
     * @return a builder
     */
    public static RunRecordBuilder builder() {
        return new RunRecordBuilder();
    }

    /**
     * Returns where the record of an artifact lives: {@code NAME.run.json} beside {@code NAME}.
     *
     * @param artifact a checkpoint, draw file or report
     * @return the record's path
     */
    public static Path besidePath(Path artifact) {
        return artifact.resolveSibling(artifact.getFileName() + ".run.json");
    }

    /**
     * Writes this record beside an artifact, atomically.
     *
     * @param artifact the artifact
     * @return the path written
     * @throws IOException if writing fails
     */
    public Path writeBeside(Path artifact) throws IOException {
        Path p = besidePath(artifact);
        write(p);
        return p;
    }

    /**
     * Writes this record as JSON, atomically.
     *
     * @param file the file
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson() + "\n");
    }

    /**
     * Reads the record beside an artifact.
     *
     * @param artifact the artifact
     * @return the record
     * @throws IOException if the file is missing or not a valid record
     */
    public static RunRecord readBeside(Path artifact) throws IOException {
        return read(besidePath(artifact));
    }

    /**
     * Reads a record from a JSON file.
     *
     * @param file the file
     * @return the record
     * @throws FileFormatException if the file is not a valid run record
     * @throws IOException if the file cannot be read
     */
    public static RunRecord read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Returns the record as JSON text.
     *
     * @return the JSON
     */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", KIND);
        m.put("version", VERSION);
        m.put("libraryVersion", libraryVersion);
        m.put("backend", backend);
        m.put("backendVersion", backendVersion);
        m.put("algorithm", algorithm);
        m.put("config", config);
        m.put("seed", seed);
        m.put("dataHash", dataHash);
        m.put("start", start.toString());
        m.put("end", end.toString());
        m.put("javaVersion", javaVersion);
        m.put("javaVendor", javaVendor);
        m.put("os", os);
        return Json.write(m);
    }

    /**
     * Parses a record from JSON text.
     *
     * @param json the text
     * @param source the file name, for error messages
     * @return the record
     * @throws FileFormatException naming the member that is missing or wrong
     */
    public static RunRecord fromJson(String json, String source) throws FileFormatException {
        Map<String, Object> m;
        try {
            m = Json.parseObject(json, "run record");
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(source, e.getMessage(), e);
        }
        if (!KIND.equals(m.get("kind"))) {
            throw new FileFormatException(
                    source, "expected \"kind\": \"" + KIND + "\", found " + m.get("kind"));
        }
        if (!(m.get("version") instanceof Long v) || v < 1 || v > VERSION) {
            throw new FileFormatException(
                    source,
                    "run record version "
                            + m.get("version")
                            + " is not supported; this reader reads versions 1 to "
                            + VERSION);
        }
        if (!(m.get("config") instanceof Map<?, ?> cfg) || !(m.get("seed") instanceof Long seed)) {
            throw new FileFormatException(
                    source,
                    "expected a \"config\" object and an integer"
                            + " \"seed\", found "
                            + m.get("config")
                            + " and "
                            + m.get("seed"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) cfg;
        return new RunRecord(
                text(m, "libraryVersion", source),
                text(m, "backend", source),
                m.containsKey("backendVersion")
                        ? text(m, "backendVersion", source)
                        : Versions.UNKNOWN,
                text(m, "algorithm", source),
                config,
                seed,
                text(m, "dataHash", source),
                instant(m, "start", source),
                instant(m, "end", source),
                text(m, "javaVersion", source),
                text(m, "javaVendor", source),
                text(m, "os", source));
    }

    private static String text(Map<String, Object> m, String key, String source)
            throws FileFormatException {
        if (!(m.get(key) instanceof String s)) {
            throw new FileFormatException(
                    source, "expected a string \"" + key + "\", found " + m.get(key));
        }
        return s;
    }

    private static Instant instant(Map<String, Object> m, String key, String source)
            throws FileFormatException {
        String s = text(m, key, source);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new FileFormatException(
                    source,
                    "\""
                            + key
                            + "\" must be an ISO-8601 instant"
                            + " such as 2025-01-31T12:00:00Z, found \""
                            + s
                            + "\"",
                    e);
        }
    }
}
