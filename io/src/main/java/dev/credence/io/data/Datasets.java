package dev.credence.io.data;

import dev.credence.io.FileFormatException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Named data sets ({@code fashion-mnist}, {@code mnist}), found on disk or downloaded once and
 * verified.
 *
 * <p>Each file of a set is looked for, as {@code NAME.gz} or uncompressed {@code NAME}, in this
 * order:
 *
 * <ol>
 *   <li>the folder passed to {@link #load(String, Split, Path)}, if any;
 *   <li>the cache folder, {@code CACHE/SETNAME/}, where CACHE is the builder's {@link
 *       Builder#cacheDir(Path)}, else the system property {@value #PROPERTY}, else the environment
 *       variable {@value #ENVIRONMENT}, else {@code ~/.cache/credence/datasets};
 *   <li>the folders where a system package installs the set: Debian's {@code dataset-fashion-mnist}
 *       package puts Fashion-MNIST in {@code /usr/share/datasets/fashion-mnist};
 *   <li>otherwise the file is downloaded from the set's mirrors into the cache. Its bytes must
 *       match the checked-in SHA-256 ({@link RemoteFile#gzSha256()}), or it is not kept; it is
 *       written to a temporary file in the cache folder and renamed into place atomically, so the
 *       cache never holds a partial or unverified file.
 * </ol>
 *
 * Whatever its origin, a file's uncompressed content must then match {@link
 * RemoteFile#idxSha256()}; a damaged or foreign file is an error, never silently replaced.
 *
 * <pre>{@code
 * Datasets sets = Datasets.builder().listener(bar).build();  // bar: a DownloadListener
 * Dataset train = sets.load("fashion-mnist", Split.TRAIN);
 * // features FLOAT32 [60000, 28, 28] in [0, 1], targets INT32 [60000]
 * }</pre>
 */
public final class Datasets {

    /** The system property that sets the cache folder. */
    public static final String PROPERTY = "credence.data.dir";

    /** The environment variable that sets the cache folder. */
    public static final String ENVIRONMENT = "CREDENCE_DATA_DIR";

    private final Map<String, NamedDataset> catalog;
    private final Path cacheDir;
    private final boolean download;

    /** Package-private so that tests can see whether it made its HTTP client. */
    final Downloader downloader;

    private Datasets(Builder b) {
        this.catalog = Map.copyOf(b.catalog);
        this.cacheDir =
                b.cacheDir != null
                        ? b.cacheDir
                        : defaultCacheDir(System::getProperty, System::getenv);
        this.download = b.download;
        this.downloader = new Downloader(b.listener);
    }

    /**
     * Starts a registry with the built-in sets, downloads on, and no progress listener.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the cache folder chosen from a property lookup, an environment lookup and the home
     * folder, in that order.
     *
     * @param properties looks up system properties, for example {@code System::getProperty}
     * @param environment looks up environment variables, for example {@code System::getenv}
     * @return the folder
     */
    public static Path defaultCacheDir(
            Function<String, String> properties, Function<String, String> environment) {
        String p = properties.apply(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String e = environment.apply(ENVIRONMENT);
        if (e != null && !e.isBlank()) {
            return Path.of(e);
        }
        return Path.of(properties.apply("user.home"), ".cache", "credence", "datasets");
    }

    /**
     * Returns the cache folder.
     *
     * @return the folder that holds {@code SETNAME/} subfolders
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * Returns the names of the known sets.
     *
     * @return the names, sorted
     */
    public List<String> names() {
        return catalog.keySet().stream().sorted().toList();
    }

    /**
     * Returns a known set.
     *
     * @param name the name
     * @return the set
     * @throws IllegalArgumentException naming the known sets if there is none by that name
     */
    public NamedDataset named(String name) {
        NamedDataset d = catalog.get(name);
        if (d == null) {
            throw new IllegalArgumentException(
                    "no data set named '" + name + "'; known: " + names());
        }
        return d;
    }

    /**
     * Loads a split, looking in the cache and system folders, then downloading.
     *
     * @param name the set's name
     * @param split the split
     * @return features FLOAT32 {@code [count, height, width]} in [0, 1], targets INT32 {@code
     *     [count]}
     * @throws IOException if a file is missing and cannot be downloaded, or does not verify
     */
    public Dataset load(String name, Split split) throws IOException {
        return load(name, split, null);
    }

    /**
     * Loads a split, looking first in a given folder.
     *
     * @param name the set's name
     * @param split the split
     * @param folder the folder to look in first, or null
     * @return features FLOAT32 {@code [count, height, width]} in [0, 1], targets INT32 {@code
     *     [count]}
     * @throws IOException if a file is missing and cannot be downloaded, or does not verify
     */
    public Dataset load(String name, Split split, Path folder) throws IOException {
        NamedDataset set = named(name);
        NamedDataset.Part part = set.part(split);
        IdxFile images =
                verified(
                        set,
                        part.images(),
                        IdxReader.readImages(locate(set, part.images(), folder)));
        IdxFile labels =
                verified(
                        set,
                        part.labels(),
                        IdxReader.readLabels(locate(set, part.labels(), folder)));
        return Dataset.of(images.toFloats(), labels.toInts());
    }

    /**
     * Finds a file of a set, downloading it into the cache if no folder has it. The file is not yet
     * checked against its content checksum; {@link #load} does that.
     *
     * @param set the set
     * @param file one of its files
     * @param folder the folder to look in first, or null
     * @return the path of the file, compressed or not
     * @throws IOException if the file is nowhere and cannot be downloaded
     */
    public Path locate(NamedDataset set, RemoteFile file, Path folder) throws IOException {
        List<Path> folders = new ArrayList<>();
        if (folder != null) {
            folders.add(folder);
        }
        Path cache = cacheDir.resolve(set.name());
        folders.add(cache);
        folders.addAll(set.systemFolders());
        for (Path f : folders) {
            for (String n : List.of(file.gzName(), file.name())) {
                if (Files.isRegularFile(f.resolve(n))) {
                    return f.resolve(n);
                }
            }
        }
        if (!download) {
            throw new FileNotFoundException(
                    set.name()
                            + ": "
                            + file.gzName()
                            + " (or "
                            + file.name()
                            + ") is in none of "
                            + folders
                            + ", and downloads are off;"
                            + " copy the files into one of these folders"
                            + (set.name().equals("fashion-mnist")
                                    ? " or install Debian's dataset-fashion-mnist package"
                                    : ""));
        }
        Path target = cache.resolve(file.gzName());
        downloader.download(set.mirrors(), file, target);
        return target;
    }

    private static IdxFile verified(NamedDataset set, RemoteFile file, IdxFile f)
            throws FileFormatException {
        if (!f.sha256().equals(file.idxSha256())) {
            throw new FileFormatException(
                    f.source(),
                    "the uncompressed content has SHA-256 "
                            + f.sha256()
                            + ", expected "
                            + file.idxSha256()
                            + " for "
                            + set.name()
                            + " "
                            + file.name()
                            + " (found shape "
                            + f.shape()
                            + "); the file is"
                            + " damaged or holds other data: delete it to download a fresh copy, or"
                            + " point to a correct one");
        }
        return f;
    }

    /** Configures a {@link Datasets} registry. */
    public static final class Builder {
        private final Map<String, NamedDataset> catalog = new LinkedHashMap<>();
        private Path cacheDir;
        private boolean download = true;
        private DownloadListener listener = DownloadListener.NONE;

        private Builder() {
            add(NamedDataset.FASHION_MNIST);
            add(NamedDataset.MNIST);
        }

        /**
         * Adds a set, or replaces the one with the same name (for example with other mirrors).
         *
         * @param set the set
         * @return this builder
         */
        public Builder add(NamedDataset set) {
            catalog.put(set.name(), set);
            return this;
        }

        /**
         * Sets the cache folder, overriding the property, the environment and the default.
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            cacheDir = dir;
            return this;
        }

        /**
         * Allows or forbids downloads (on by default).
         *
         * @param allowed false to use local copies only
         * @return this builder
         */
        public Builder download(boolean allowed) {
            download = allowed;
            return this;
        }

        /**
         * Sets who hears about download progress; {@link DownloadListener#NONE} for silence.
         *
         * @param l the listener
         * @return this builder
         */
        public Builder listener(DownloadListener l) {
            listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /**
         * Builds the registry.
         *
         * @return the registry
         */
        public Datasets build() {
            return new Datasets(this);
        }
    }
}
