package dev.credence.cli.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The decisions about an occupied folder and the words that explain them: what the folder holds,
 * why this run may not use it, and what to type instead.
 */
final class FolderMessages {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private FolderMessages() {}

    /** {@code runs/<name>-<UTC time>}, with {@code -2}, {@code -3}, ... if that exists. */
    static Path defaultFolder(String name) {
        Path base = Path.of("runs", name + "-" + STAMP.format(Instant.now()));
        Path p = base;
        for (int i = 2; Files.exists(p); i++) {
            p = Path.of(base + "-" + i);
        }
        return p;
    }

    /**
     * Refuses a folder that holds a run the request may not touch.
     *
     * @param r the request
     * @param dir the folder
     * @param prior its manifest, or null
     * @param earlier the files of the run it holds (from the manifest, or run records)
     */
    static void requireUsable(
            RunFolder.Request r, Path dir, FolderManifest prior, Set<String> earlier) {
        boolean holds = prior != null || !earlier.isEmpty();
        String what = describe(prior, earlier);
        switch (r.mode()) {
            case CREATE -> {
                if (holds) {
                    throw occupied(
                            "the output folder "
                                    + dir
                                    + " holds "
                                    + what
                                    + "; "
                                    + (r.resumable() && sameCommand(prior, r.command())
                                            ? "continue it with --resume, "
                                            : "")
                                    + "replace it with --force, or choose another --output");
                }
            }
            case RESUME -> {
                if (prior != null && !prior.command().equals(r.command())) {
                    throw occupied(
                            "the output folder "
                                    + dir
                                    + " holds "
                                    + what
                                    + ", not a "
                                    + r.command()
                                    + " run; --resume continues a run of the same command");
                }
            }
            case ADD -> {
                if (prior != null && !prior.command().equals(r.parent())) {
                    throw occupied(
                            "the output folder "
                                    + dir
                                    + " holds "
                                    + what
                                    + ", not a "
                                    + r.parent()
                                    + " run; "
                                    + r.command()
                                    + " works on the folder of a "
                                    + r.parent()
                                    + " run");
                }
            }
            case REPLACE -> {
                // --force: whatever run is there goes at begin(); the user's own files stay.
            }
        }
    }

    private static boolean sameCommand(FolderManifest prior, String command) {
        return prior == null || prior.command().equals(command);
    }

    private static RunFolderException occupied(String message) {
        return new RunFolderException(RunFolderException.Kind.OCCUPIED, message);
    }

    private static String describe(FolderManifest prior, Set<String> earlier) {
        if (prior == null) {
            List<String> shown = new ArrayList<>(earlier).subList(0, Math.min(3, earlier.size()));
            return "the output of an earlier run ("
                    + String.join(", ", shown)
                    + (earlier.size() > shown.size() ? ", ..." : "")
                    + ")";
        }
        String state =
                switch (prior.state()) {
                    case FolderManifest.FINISHED -> "a finished";
                    case FolderManifest.FAILED -> "a failed";
                    default -> "an unfinished (interrupted)";
                };
        return state + " " + prior.command() + " run (started " + prior.started() + ")";
    }

    /**
     * Refuses to continue a run with other settings, naming each difference.
     *
     * @param dir the folder
     * @param command the command
     * @param was the identity of the run in the folder
     * @param now the identity of this request
     */
    static void requireSameRun(
            Path dir, String command, Map<String, Object> was, Map<String, Object> now) {
        List<String> diffs = new ArrayList<>();
        for (String k : union(was.keySet(), now.keySet())) {
            Object a = was.get(k);
            Object b = now.get(k);
            if (!Objects.equals(text(a), text(b))) {
                diffs.add(k + " " + text(a) + " (now " + text(b) + ")");
            }
        }
        if (!diffs.isEmpty()) {
            throw new RunFolderException(
                    RunFolderException.Kind.MISMATCH,
                    "cannot --resume the "
                            + command
                            + " run in "
                            + dir
                            + ": it was started with "
                            + String.join(", ", diffs)
                            + "; resume with the same settings and data, or start a new run with"
                            + " --force or another --output");
        }
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(out::add);
        return out;
    }

    private static String text(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    /** What a failed run leaves: one line for the error report. */
    static String afterFailure(Path dir, RunFolder.Request r, List<String> changed) {
        if (changed.isEmpty()) {
            return "the output folder "
                    + dir
                    + " holds no new output (marked failed in "
                    + FolderManifest.FILE
                    + ")";
        }
        List<String> shown = changed.subList(0, Math.min(4, changed.size()));
        return "the output folder "
                + dir
                + " holds what this run wrote before it failed ("
                + String.join(", ", shown)
                + (changed.size() > shown.size() ? ", ..." : "")
                + "), marked failed in "
                + FolderManifest.FILE
                + (r.resumable() ? "; continue from its last checkpoint with --resume" : "");
    }
}
