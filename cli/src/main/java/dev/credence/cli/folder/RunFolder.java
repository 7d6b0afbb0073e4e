package dev.credence.cli.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The output folder of one run, claimed before the work starts and released when it ends.
 *
 * <pre>{@code
 * try (RunFolder out = RunFolder.claim(new RunFolder.Request(
 *         output, "bnn fit", "bnn", force ? FolderMode.REPLACE : FolderMode.CREATE, false, bytes))) {
 *     out.begin(Map.of("seed", seed));        // just before the work
 *     ... write files into out.dir() ...
 *     out.finish();
 * }                                            // not finished: marked failed, lock released
 * }</pre>
 *
 * <p>{@link #claim} creates the folder, locks it ({@link RunLock}), refuses it if it holds another
 * run that the mode neither replaces nor continues, and checks the free space; it writes nothing
 * else, so a refused claim leaves the folder as it was. {@link #begin} checks a resumed run's
 * identity, deletes a replaced run's files and writes the manifest ({@link FolderManifest}) with
 * the state {@code running}; {@link #finish} records the files and the state {@code finished};
 * {@link #fail} records {@code failed} and describes, in one line, what the folder now holds.
 */
public final class RunFolder implements AutoCloseable {

    /**
     * What a command asks of its folder.
     *
     * @param dir the folder ({@code --output}), or null for {@code runs/<name>-<UTC time>}
     * @param command the command, such as {@code vae train}; a resumed run must have the same
     * @param name the prefix of the default folder's name
     * @param mode how the folder is used
     * @param parent for {@link FolderMode#ADD}, the command whose run it adds to; else null
     * @param resumable whether the command can continue an interrupted run ({@code --resume})
     * @param bytesNeeded about how many bytes the run writes
     */
    public record Request(
            Path dir,
            String command,
            String name,
            FolderMode mode,
            String parent,
            boolean resumable,
            long bytesNeeded) {
        /** Checks the arguments. */
        public Request {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mode, "mode");
        }
    }

    private final Request request;
    private final Path dir;
    private final boolean created;
    private final RunLock lock;
    private final FolderManifest prior;
    private final Set<String> earlier;
    private Map<String, String> atBegin;
    private FolderManifest manifest;
    private boolean ended;

    private RunFolder(
            Request request,
            Path dir,
            boolean created,
            RunLock lock,
            FolderManifest prior,
            Set<String> earlier) {
        this.request = request;
        this.dir = dir;
        this.created = created;
        this.lock = lock;
        this.prior = prior;
        this.earlier = earlier;
    }

    /**
     * Claims a folder for a run.
     *
     * @param r the request
     * @return the claimed folder, locked
     * @throws RunFolderException if the folder cannot be used, saying why and what to do
     */
    public static RunFolder claim(Request r) {
        return claim(r, RunFolder::usableSpace);
    }

    static RunFolder claim(Request r, ToLongFunction<Path> freeSpace) {
        Path dir = r.dir() != null ? r.dir() : FolderMessages.defaultFolder(r.name());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException(
                    RunFolderException.Kind.UNUSABLE,
                    "the output folder "
                            + dir
                            + " is a file, not a folder; choose another --output");
        }
        if (r.mode() == FolderMode.ADD && !Files.isDirectory(dir)) {
            throw new RunFolderException(
                    RunFolderException.Kind.MISSING,
                    "there is no run folder "
                            + dir
                            + " (give the --output of a "
                            + r.parent()
                            + " run)");
        }
        boolean created = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunFolderException(
                    RunFolderException.Kind.UNUSABLE,
                    "cannot create the output folder " + dir + ": " + Reasons.of(e),
                    e);
        }
        RunLock lock = RunLock.acquire(dir, r.command());
        try {
            FolderManifest prior = FolderManifest.read(dir).orElse(null);
            Set<String> earlier = new TreeSet<>();
            if (prior == null) {
                earlier.addAll(FolderContents.legacyRun(dir));
            } else if (prior.ended()) {
                prior.files().stream()
                        .filter(f -> Files.exists(dir.resolve(f)))
                        .forEach(earlier::add);
            } else {
                earlier.addAll(FolderContents.stamps(dir).keySet());
                earlier.removeAll(prior.kept());
            }
            FolderMessages.requireUsable(r, dir, prior, earlier);
            long free = freeSpace.applyAsLong(dir);
            if (free >= 0 && free < r.bytesNeeded()) {
                throw new RunFolderException(
                        RunFolderException.Kind.NO_SPACE,
                        "the output folder "
                                + dir
                                + " has "
                                + Sizes.format(free)
                                + " of free space; this run writes about "
                                + Sizes.format(r.bytesNeeded())
                                + "; free some space or choose another --output");
            }
            return new RunFolder(r, dir, created, lock, prior, earlier);
        } catch (IOException e) {
            release(lock, dir, created);
            throw new RunFolderException(
                    RunFolderException.Kind.UNUSABLE,
                    "cannot read the output folder " + dir + ": " + Reasons.of(e),
                    e);
        } catch (RuntimeException e) {
            release(lock, dir, created);
            throw e;
        }
    }

    /**
     * Returns the folder.
     *
     * @return the path
     */
    public Path dir() {
        return dir;
    }

    /**
     * Tells whether a {@link FolderMode#RESUME} claim found a run to continue.
     *
     * @return true if the folder holds an earlier run of this command
     */
    public boolean continuing() {
        return request.mode() == FolderMode.RESUME && (prior != null || !earlier.isEmpty());
    }

    /**
     * Starts the run: checks that a continued run has the same identity, deletes the files of a
     * replaced run, and marks the folder {@code running}.
     *
     * @param identity the settings that identify the run (what {@code --resume} must match)
     * @throws RunFolderException {@link RunFolderException.Kind#MISMATCH} naming each setting that
     *     differs from the run being continued
     */
    public void begin(Map<String, Object> identity) {
        Map<String, Object> id = new LinkedHashMap<>(identity);
        requireSameRun(id);
        try {
            if (request.mode() == FolderMode.REPLACE && !earlier.isEmpty()) {
                FolderContents.delete(dir, earlier);
                Files.deleteIfExists(dir.resolve(FolderManifest.FILE));
            }
            atBegin = FolderContents.stamps(dir);
            manifest = startManifest(id);
            if (manifest != null) {
                manifest.write(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot prepare the output folder " + dir + ": " + Reasons.of(e), e);
        }
    }

    /**
     * Checks, without writing anything, that a continued run has the identity of the run in the
     * folder; {@link #begin} checks it again. A command calls this first when it has checks of its
     * own to make before {@link #begin}.
     *
     * @param identity the settings that identify the run
     * @throws RunFolderException {@link RunFolderException.Kind#MISMATCH} naming each setting that
     *     differs
     */
    public void requireSameRun(Map<String, Object> identity) {
        if (continuing() && prior != null && !prior.identity().isEmpty()) {
            FolderMessages.requireSameRun(dir, request.command(), prior.identity(), identity);
        }
    }

    private FolderManifest startManifest(Map<String, Object> id) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("command", request.command());
        entry.put("state", FolderManifest.RUNNING);
        entry.put("start", Instant.now().toString());
        entry.put("end", null);
        entry.put("pid", ProcessHandle.current().pid());
        entry.put("message", null);
        boolean keep = request.mode() == FolderMode.ADD || continuing();
        if (keep && prior == null) {
            return null; // a folder from before manifests: leave it as it was
        }
        List<Map<String, Object>> history = new ArrayList<>(keep ? prior.history() : List.of());
        history.add(entry);
        Set<String> kept = new TreeSet<>(atBegin.keySet());
        kept.removeAll(earlier);
        if (request.mode() == FolderMode.ADD) {
            return new FolderManifest(
                    prior.command(),
                    prior.state(),
                    prior.identity(),
                    List.copyOf(earlier),
                    List.copyOf(kept),
                    history);
        }
        return new FolderManifest(
                request.command(),
                FolderManifest.RUNNING,
                keep && id.isEmpty() ? prior.identity() : id,
                keep ? List.copyOf(earlier) : List.of(),
                List.copyOf(kept),
                history);
    }

    /**
     * Ends the run successfully: records the files and the state {@code finished}, and releases the
     * lock.
     *
     * @throws UncheckedIOException if the manifest cannot be written
     */
    public void finish() {
        end(FolderManifest.FINISHED, null);
    }

    /**
     * Ends the run after a failure: records the state {@code failed} and releases the lock.
     *
     * @param cause what went wrong
     * @return one line on what the folder now holds, or empty if a folder this claim created was
     *     removed again because the run wrote nothing into it
     */
    public Optional<String> fail(Throwable cause) {
        if (ended) {
            return Optional.empty();
        }
        if (atBegin == null) {
            ended = true;
            release(lock, dir, created);
            return created
                    ? Optional.empty()
                    : Optional.of("the output folder " + dir + " is unchanged");
        }
        List<String> changed = changedSinceBegin();
        if (created && changed.isEmpty()) {
            ended = true;
            try {
                Files.deleteIfExists(dir.resolve(FolderManifest.FILE));
            } catch (IOException ignored) {
                // Then the folder stays, with a manifest that says running: still true to it.
            }
            release(lock, dir, true);
            return Optional.empty();
        }
        try {
            end(FolderManifest.FAILED, Reasons.of(cause));
        } catch (RuntimeException e) {
            return Optional.of(
                    "the output folder " + dir + " may hold a partial run: " + e.getMessage());
        }
        return Optional.of(FolderMessages.afterFailure(dir, request, changed));
    }

    private void end(String state, String message) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            if (manifest != null) {
                Map<String, Object> entry = manifest.last();
                entry.put("state", state);
                entry.put("end", Instant.now().toString());
                entry.put("message", message);
                boolean add = request.mode() == FolderMode.ADD;
                Set<String> files = new TreeSet<>(manifest.files());
                files.addAll(add ? changedSinceBegin() : ownFiles());
                manifest = manifest.with(add ? manifest.state() : state, List.copyOf(files));
                manifest.write(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot record the end of the run in " + dir.resolve(FolderManifest.FILE), e);
        } finally {
            lock.close();
        }
    }

    /** Files of the folder that are this run's: everything but the user's files found at begin. */
    private Set<String> ownFiles() {
        Set<String> own = new TreeSet<>(FolderContents.stamps(dir).keySet());
        own.removeAll(manifest.kept());
        own.addAll(changedSinceBegin());
        return own;
    }

    private List<String> changedSinceBegin() {
        List<String> out = new ArrayList<>();
        FolderContents.stamps(dir)
                .forEach(
                        (f, s) -> {
                            if (!s.equals(atBegin.get(f))) {
                                out.add(f);
                            }
                        });
        return out;
    }

    /** Releases the folder; a run that did not {@link #finish} is marked failed. */
    @Override
    public void close() {
        if (!ended) {
            fail(new IllegalStateException("the run ended without finishing"));
        }
    }

    /**
     * Unlocks; a folder this claim created is removed again. Its lock file goes too: a second
     * claimant can only have failed its {@code tryLock} meanwhile, never be waiting on it.
     */
    private static void release(RunLock lock, Path dir, boolean created) {
        lock.close();
        if (created) {
            try {
                Files.deleteIfExists(dir.resolve(RunLock.FILE));
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // The folder is not empty after all: leave it.
            }
        }
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1; // unknown: the writes themselves will tell
        }
    }
}
