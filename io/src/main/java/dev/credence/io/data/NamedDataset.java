package dev.credence.io.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A data set that {@link Datasets} knows by name: its published files with their checksums, the
 * mirrors to download them from, and the system folders where an operating-system package puts
 * them.
 *
 * <p>The checksums of the two built-in sets, and where each comes from:
 *
 * <ul>
 *   <li>Fashion-MNIST, {@code .gz} files: the values TensorFlow Datasets checks ({@code
 *       tensorflow_datasets/url_checksums/fashion_mnist.txt}) for the files of the official S3
 *       host, whose MD5 sums match those in the Fashion-MNIST README. Uncompressed content:
 *       computed from Debian's {@code dataset-fashion-mnist} package (0.0~git20200523.55506a9-1),
 *       whose {@code .gz} files were recompressed but hold the same content, as independently
 *       published values for the upstream files confirm.
 *   <li>MNIST, {@code .gz} files: the values TensorFlow Datasets checks ({@code
 *       tensorflow_datasets/url_checksums/mnist.txt}); the two test files were also computed from a
 *       local copy whose MD5 sums match torchvision's for the mirror used here. Uncompressed
 *       content: computed from that copy for the test files; for the training files the values
 *       published by several public projects alongside the {@code .gz} values above.
 * </ul>
 *
 * @param name the name, for example {@code fashion-mnist}
 * @param mirrors base URLs, tried in order; a file's URL is the base plus its {@code .gz} name
 * @param systemFolders folders where a system package installs the files
 * @param height the image height in pixels
 * @param width the image width in pixels
 * @param train the training files and row count
 * @param test the test files and row count
 */
public record NamedDataset(
        String name,
        List<URI> mirrors,
        List<Path> systemFolders,
        int height,
        int width,
        Part train,
        Part test) {

    /**
     * The files of one split.
     *
     * @param images the image file, {@code [count, height, width]}
     * @param labels the label file, {@code [count]}
     * @param count the number of rows
     */
    public record Part(RemoteFile images, RemoteFile labels, int count) {}

    /** Zalando's Fashion-MNIST: 60,000 + 10,000 grey 28 x 28 images of 10 kinds of clothing. */
    public static final NamedDataset FASHION_MNIST =
            new NamedDataset(
                    "fashion-mnist",
                    List.of(
                            URI.create(
                                    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
                            URI.create(
                                    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
                    List.of(Path.of("/usr/share/datasets/fashion-mnist")),
                    28,
                    28,
                    new Part(
                            new RemoteFile(
                                    "train-images-idx3-ubyte",
                                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                            new RemoteFile(
                                    "train-labels-idx1-ubyte",
                                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                            60000),
                    new Part(
                            new RemoteFile(
                                    "t10k-images-idx3-ubyte",
                                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                            new RemoteFile(
                                    "t10k-labels-idx1-ubyte",
                                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
                            10000));

    /** LeCun, Cortes and Burges' MNIST: 60,000 + 10,000 grey 28 x 28 handwritten digits. */
    public static final NamedDataset MNIST =
            new NamedDataset(
                    "mnist",
                    List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/")),
                    List.of(),
                    28,
                    28,
                    new Part(
                            new RemoteFile(
                                    "train-images-idx3-ubyte",
                                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                            new RemoteFile(
                                    "train-labels-idx1-ubyte",
                                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                            60000),
                    new Part(
                            new RemoteFile(
                                    "t10k-images-idx3-ubyte",
                                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                            new RemoteFile(
                                    "t10k-labels-idx1-ubyte",
                                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
                            10000));

    /**
     * Copies the lists.
     *
     * @param name the name, for example {@code fashion-mnist}
     * @param mirrors base URLs, tried in order; a file's URL is the base plus its {@code .gz} name
     * @param systemFolders folders where a system package installs the files
     * @param height the image height in pixels
     * @param width the image width in pixels
     * @param train the training files and row count
     * @param test the test files and row count
     */
    public NamedDataset {
        mirrors = List.copyOf(mirrors);
        systemFolders = List.copyOf(systemFolders);
    }

    /**
     * Returns the files of one split.
     *
     * @param split the split
     * @return the part
     */
    public Part part(Split split) {
        return split == Split.TRAIN ? train : test;
    }

    /**
     * Returns this data set with other mirrors, for a local copy of a mirror or for tests.
     *
     * @param bases base URLs ending in {@code /}, tried in order
     * @return the changed data set
     */
    public NamedDataset withMirrors(List<URI> bases) {
        return new NamedDataset(name, bases, systemFolders, height, width, train, test);
    }

    /**
     * Returns this data set with other system folders (none, to force a download in tests).
     *
     * @param folders the folders
     * @return the changed data set
     */
    public NamedDataset withSystemFolders(List<Path> folders) {
        return new NamedDataset(name, mirrors, folders, height, width, train, test);
    }
}
