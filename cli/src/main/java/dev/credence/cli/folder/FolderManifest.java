package dev.credence.cli.folder;

import dev.credence.io.AtomicFiles;
import dev.credence.io.FileFormatException;
import dev.credence.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run folder holds, in {@value #FILE}: the command that made the run, the settings that
 * identify it (what {@code --resume} must match), its state and the files it wrote, and one entry
 * per command that ran in the folder.
 *
 * <pre>{@code
 * {"kind": "credence-run-folder", "version": 1,
 *  "command": "vae train", "state": "finished",
 *  "identity": {"lr": "0.001", "seed": 1, "data": "sha256:..."},
 *  "files": ["metrics.csv", "vae.ckpt", ...], "kept": ["notes.txt"],
 *  "history": [{"command": "vae train", "state": "finished", "start": "...", "end": "...",
 *               "pid": 4711, "message": null}]}
 * }</pre>
 *
 * <p>The state is {@code running} from the claim until the run ends, so a folder whose manifest
 * says {@code running} while nobody holds its lock was left by a run that was killed. Such a run
 * never listed its files; they are then every file but the ones {@code kept}, the files that were
 * in the folder, and not the run's, when it began.
 *
 * @param command the command that made the run, such as {@code vae train}
 * @param state {@value #RUNNING}, {@value #FINISHED} or {@value #FAILED}
 * @param identity the settings that identify the run, values as {@link Json} writes them
 * @param files the files the run wrote, relative to the folder, with {@code /} separators
 * @param kept the files that were in the folder when the run began and are not the run's
 * @param history one entry per command that ran in the folder, oldest first
 */
record FolderManifest(
        String command,
        String state,
        Map<String, Object> identity,
        List<String> files,
        List<String> kept,
        List<Map<String, Object>> history) {
    /** The manifest's file name inside the folder. */
    static final String FILE = "credence-run.json";

    static final String KIND = "credence-run-folder";
    static final String RUNNING = "running";
    static final String FINISHED = "finished";
    static final String FAILED = "failed";

    FolderManifest {
        identity = new LinkedHashMap<>(identity);
        files = List.copyOf(files);
        kept = List.copyOf(kept);
        history = new ArrayList<>(history);
    }

    /**
     * Reads the manifest of a folder.
     *
     * @param dir the folder
     * @return the manifest, or empty if the folder has none
     * @throws FileFormatException if the file is there but damaged
     * @throws IOException if it cannot be read
     */
    static Optional<FolderManifest> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String src = file.toString();
        Map<String, Object> m;
        try {
            m = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), "run manifest");
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(src, "not valid JSON: " + e.getMessage(), e);
        }
        if (!KIND.equals(m.get("kind"))
                || !(m.get("command") instanceof String command)
                || !(m.get("state") instanceof String state)
                || !(m.get("identity") instanceof Map<?, ?> identity)
                || !(m.get("files") instanceof List<?> files)
                || !(m.get("history") instanceof List<?> history)) {
            throw new FileFormatException(
                    src,
                    "expected a run manifest (kind "
                            + KIND
                            + ", command, state, identity, files, history), found the keys "
                            + m.keySet()
                            + "; delete it if the folder holds nothing you need");
        }
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(String.valueOf(f)));
        List<String> kept = new ArrayList<>();
        if (m.get("kept") instanceof List<?> k) {
            k.forEach(f -> kept.add(String.valueOf(f)));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object h : history) {
            if (h instanceof Map<?, ?> e) {
                Map<String, Object> copy = new LinkedHashMap<>();
                e.forEach((k, v) -> copy.put(String.valueOf(k), v));
                entries.add(copy);
            }
        }
        Map<String, Object> id = new LinkedHashMap<>();
        identity.forEach((k, v) -> id.put(String.valueOf(k), v));
        return Optional.of(new FolderManifest(command, state, id, names, kept, entries));
    }

    /**
     * Writes the manifest atomically into a folder.
     *
     * @param dir the folder
     * @throws IOException if it cannot be written
     */
    void write(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", KIND);
        m.put("version", 1);
        m.put("command", command);
        m.put("state", state);
        m.put("identity", identity);
        m.put("files", files);
        m.put("kept", kept);
        m.put("history", history);
        AtomicFiles.writeString(dir.resolve(FILE), Json.write(m) + "\n");
    }

    FolderManifest with(String newState, List<String> newFiles) {
        return new FolderManifest(command, newState, identity, newFiles, kept, history);
    }

    /** Whether the run ended, successfully or not, and so listed its files. */
    boolean ended() {
        return state.equals(FINISHED) || state.equals(FAILED);
    }

    /** The last history entry, which the current command appended. */
    Map<String, Object> last() {
        return history.get(history.size() - 1);
    }

    /** The start of the run that made the folder, for messages. */
    String started() {
        return history.isEmpty() ? "an unknown time" : String.valueOf(history.get(0).get("start"));
    }
}
