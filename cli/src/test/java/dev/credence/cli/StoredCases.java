package dev.credence.cli;

import static dev.credence.cli.HostileCase.Fixture.FIT;
import static dev.credence.cli.HostileCase.Fixture.VAE;
import static dev.credence.cli.UsageCases.with;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile stored inputs: fitted networks and VAE checkpoints that are missing, foreign, truncated,
 * damaged or edited, a network from the format-1 code, and image sets that are corrupt or cannot be
 * fetched (exit 4, or 0 where the file is valid).
 */
final class StoredCases {
    private StoredCases() {}

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        c.add(
                HostileCase.of("P02", "bnn predict --model missing")
                        .run(with(UsageCases.PREDICT_ARGS))
                        .fails(4, "net.ckpt"));
        c.add(
                HostileCase.of("P03", "bnn predict --model is a CSV")
                        .run(
                                with(
                                        DataCases.dataArg(
                                                UsageCases.PREDICT_ARGS, "{data}/train.csv"),
                                        "--model",
                                        "{data}/train.csv"))
                        .fails(4, "not a Credence checkpoint"));
        c.add(
                HostileCase.of("P04", "bnn predict --model truncated")
                        .given(FIT)
                        .setup(d -> truncate(d.resolve("fit/net.ckpt"), 100))
                        .run(with(UsageCases.PREDICT_ARGS))
                        .fails(4, "truncated"));
        c.add(
                HostileCase.of("P05", "bnn predict --model with targetSd edited in its header")
                        .given(FIT)
                        .setup(
                                d ->
                                        editHeader(
                                                d.resolve("fit/net.ckpt"),
                                                "\"targetSd\": ",
                                                "\"targetSd\": 9"))
                        .run(with(UsageCases.PREDICT_ARGS))
                        .fails(4, "header", "CRC-32C"));
        c.add(
                HostileCase.of("P06", "bnn predict --model with a flipped weight byte")
                        .given(FIT)
                        .setup(d -> flipLastByte(d.resolve("fit/net.ckpt")))
                        .run(with(UsageCases.PREDICT_ARGS))
                        .fails(4, "damaged"));
        c.add(
                HostileCase.of("P07", "bnn predict --model is a VAE checkpoint")
                        .given(VAE)
                        .run(with(UsageCases.PREDICT_ARGS, "--model", "{case}/vae/vae.ckpt"))
                        .fails(4, "not a saved network"));
        c.add(
                HostileCase.of("P22", "bnn predict with a network saved by the format-1 code")
                        .setup(MatrixFixtures::formatOneNetwork)
                        .run(
                                "bnn",
                                "predict",
                                "--model",
                                "{case}/old/net.ckpt",
                                "--data",
                                "{case}/old/train.csv",
                                "--target",
                                "y",
                                "--output",
                                "{case}/out")
                        .succeeds(
                                (d, o) ->
                                        Files.mismatch(
                                                                d.resolve("out/predictions.csv"),
                                                                d.resolve("old/predictions.csv"))
                                                        == -1
                                                ? null
                                                : Verdict.SILENT_WRONG));
        c.add(
                HostileCase.of("V42", "vae eval: a damaged checkpoint")
                        .given(VAE)
                        .setup(d -> flipLastByte(d.resolve("vae/vae.ckpt")))
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/vae")
                        .fails(4, "damaged"));
        c.add(
                HostileCase.of("V43", "vae eval: a truncated checkpoint")
                        .given(VAE)
                        .setup(d -> truncate(d.resolve("vae/vae.ckpt"), 300))
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/vae")
                        .fails(4, "truncated"));
        c.add(
                HostileCase.of("V44", "vae eval: the epoch edited in the checkpoint header")
                        .given(VAE)
                        .setup(
                                d ->
                                        editHeader(
                                                d.resolve("vae/vae.ckpt"),
                                                "\"epoch\": ",
                                                "\"epoch\": 7"))
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/vae")
                        .fails(4, "header", "CRC-32C"));
        c.add(
                HostileCase.of("V45", "vae sample: the lr edited in the checkpoint header")
                        .given(VAE)
                        .setup(
                                d ->
                                        editHeader(
                                                d.resolve("vae/vae.ckpt"),
                                                "\"lr\": \"",
                                                "\"lr\": \"2"))
                        .run("vae", "sample", "--output", "{case}/vae")
                        .fails(4, "header", "CRC-32C"));
        c.add(
                HostileCase.of("V46", "vae eval: no checkpoint")
                        .setup(d -> Files.createDirectories(d.resolve("empty")))
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/empty")
                        .fails(4, "no VAE checkpoint"));
        c.add(
                HostileCase.of("V47", "vae train offline with no copy of the data")
                        .run(with(UsageCases.VAE_ARGS, "--data", "tiny-offline"))
                        .fails(4, "127.0.0.1", "refused"));
        c.add(
                HostileCase.of("V48", "vae --data-dir that does not exist")
                        .run(with(UsageCases.VAE_ARGS, "--data-dir", "{case}/nowhere"))
                        .fails(4, "nowhere"));
        c.add(
                HostileCase.of("V49", "vae --data-dir with corrupt files")
                        .setup(StoredCases::corruptIdx)
                        .run(with(UsageCases.VAE_ARGS, "--data-dir", "{case}/idx"))
                        .fails(4, "idx"));
        c.add(
                HostileCase.of("V55", "vae eval: a network checkpoint named vae.ckpt")
                        .given(FIT)
                        .setup(
                                d ->
                                        Files.copy(
                                                d.resolve("fit/net.ckpt"),
                                                Files.createDirectories(d.resolve("v"))
                                                        .resolve("vae.ckpt")))
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/v")
                        .fails(4, "not a VAE checkpoint"));
        return c;
    }

    static void truncate(Path f, int keep) throws Exception {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, Math.min(keep, b.length - 1)));
    }

    static void flipLastByte(Path f) throws Exception {
        byte[] b = Files.readAllBytes(f);
        int i = b.length - 1;
        while (i > 0 && b[i] == 0) {
            i--;
        }
        b[i] ^= 0x10;
        Files.write(f, b);
    }

    /** Replaces the first {@code find} in the header by {@code replace} at the same length. */
    static void editHeader(Path f, String find, String replace) throws Exception {
        byte[] b = Files.readAllBytes(f);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(find);
        if (at < 0) {
            throw new IllegalStateException(find + " not in " + f);
        }
        byte[] r = replace.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(r, 0, b, at, r.length);
        Files.write(f, b);
    }

    static void corruptIdx(Path d) throws Exception {
        Path idx = Files.createDirectories(d.resolve("idx"));
        for (String n : List.of("train", "t10k")) {
            Files.write(idx.resolve(n + "-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});
            Files.write(
                    idx.resolve(n + "-labels-idx1-ubyte"),
                    new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2});
        }
    }
}
