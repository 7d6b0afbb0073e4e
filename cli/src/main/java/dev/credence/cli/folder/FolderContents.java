package dev.credence.cli.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a run folder, by path relative to it with {@code /} separators, leaving out the
 * folder's own bookkeeping: the lock, the manifest and the hidden temporary files of interrupted
 * atomic writes.
 */
final class FolderContents {
    private FolderContents() {}

    /**
     * How deep a run writes below its folder ({@code vae/svi/epoch-3/svi.ckpt} in a demo's); deeper
     * files are the user's, and not walking them keeps {@code --output .} cheap.
     */
    static final int DEPTH = 5;

    /** Each file's size and modification time, to tell which files a run changed. */
    static Map<String, String> stamps(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir, DEPTH)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !bookkeeping(p))
                    .forEach(p -> m.put(relative(dir, p), stamp(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the output folder " + dir, e);
        }
        return m;
    }

    private static String stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * The files of a run written before folders had manifests: every file with a run record ({@code
     * NAME.run.json}) beside it, and the records.
     */
    static Set<String> legacyRun(Path dir) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : stamps(dir).keySet()) {
            if (f.endsWith(".run.json")) {
                out.add(f);
                String artifact = f.substring(0, f.length() - ".run.json".length());
                if (Files.isRegularFile(dir.resolve(artifact))) {
                    out.add(artifact);
                }
            }
        }
        return out;
    }

    /** Deletes files, then the folders they leave empty (never {@code dir} itself). */
    static void delete(Path dir, Collection<String> files) throws IOException {
        Set<Path> parents = new LinkedHashSet<>();
        for (String f : files) {
            Path p = dir.resolve(f);
            Files.deleteIfExists(p);
            for (Path q = p.getParent(); q != null && !q.equals(dir); q = q.getParent()) {
                parents.add(q);
            }
        }
        for (Path q : parents.stream().sorted(Comparator.reverseOrder()).toList()) {
            try (Stream<Path> s = Files.list(q)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(q);
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                // Already removed with a deeper folder.
            }
        }
    }

    static boolean bookkeeping(Path p) {
        String n = p.getFileName().toString();
        return n.equals(RunLock.FILE)
                || n.equals(FolderManifest.FILE)
                || (n.startsWith(".") && n.endsWith(".tmp"));
    }

    static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
