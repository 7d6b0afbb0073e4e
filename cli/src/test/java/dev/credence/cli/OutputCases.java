package dev.credence.cli;

import static dev.credence.cli.HostileCase.Fixture.FIT;
import static dev.credence.cli.HostileCase.Fixture.SAMPLE;
import static dev.credence.cli.HostileCase.Fixture.VAE;
import static dev.credence.cli.UsageCases.FIT_ARGS;
import static dev.credence.cli.UsageCases.SAMPLE_ARGS;
import static dev.credence.cli.UsageCases.VAE_ARGS;
import static dev.credence.cli.UsageCases.with;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Output folders that hold other runs, are in use, cannot be written; resumed runs that do not
 * match; requests too large for memory; computations that fail numerically (exits 5, 7, 8).
 */
final class OutputCases {
    private OutputCases() {}

    /** {@code base} with {@code --output} pointing at {@code folder}. */
    static String[] into(String[] base, String folder, String... extra) {
        String[] a = with(base, extra);
        a[a.length - 1] = folder;
        return a;
    }

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        c.add(
                HostileCase.of("S18", "sample --output is a file")
                        .file("f.txt", "mine")
                        .run(into(SAMPLE_ARGS, "{case}/f.txt"))
                        .fails(7, "f.txt", "not a folder"));
        c.add(
                HostileCase.of("S19", "sample --output below a file")
                        .file("f.txt", "mine")
                        .run(into(SAMPLE_ARGS, "{case}/f.txt/sub"))
                        .fails(7, "f.txt"));
        c.add(
                HostileCase.of("S20", "sample into a finished sample run")
                        .given(SAMPLE)
                        .run(into(SAMPLE_ARGS, "{case}/sample"))
                        .fails(7, "sample", "--force"));
        c.add(
                HostileCase.of("S21", "sample --force with fewer chains replaces every chain file")
                        .given(SAMPLE)
                        .run(into(SAMPLE_ARGS, "{case}/sample", "--force"))
                        .succeeds(
                                (d, o) ->
                                        Files.exists(d.resolve("sample/eight-schools-2.csv"))
                                                        || Files.exists(
                                                                d.resolve(
                                                                        "sample/eight-schools-2.csv.run.json"))
                                                ? Verdict.LOST_WORK
                                                : null));
        c.add(
                HostileCase.of("S22", "sample into a finished VAE run")
                        .given(VAE)
                        .run(into(SAMPLE_ARGS, "{case}/vae"))
                        .fails(7, "vae train"));
        c.add(
                HostileCase.of("S23", "sample into a folder another run is writing")
                        .locked()
                        .run(with(SAMPLE_ARGS))
                        .fails(7, "in use"));
        c.add(
                HostileCase.of("S25", "sample into a folder with the user's own file")
                        .file("out/notes.txt", "mine")
                        .run(with(SAMPLE_ARGS))
                        .succeeds(
                                (d, o) ->
                                        Files.readString(d.resolve("out/notes.txt")).equals("mine")
                                                        && Files.exists(
                                                                d.resolve("out/summary.csv"))
                                                ? null
                                                : Verdict.LOST_WORK));
        c.add(
                HostileCase.of("S26", "sample --force keeps the user's own file")
                        .given(SAMPLE)
                        .file("sample/notes.txt", "mine")
                        .run(into(SAMPLE_ARGS, "{case}/sample", "--force"))
                        .succeeds(
                                (d, o) ->
                                        Files.readString(d.resolve("sample/notes.txt"))
                                                                .equals("mine")
                                                        && !Files.exists(
                                                                d.resolve(
                                                                        "sample/eight-schools-2.csv"))
                                                ? null
                                                : Verdict.LOST_WORK));
        c.add(
                HostileCase.of("S28", "sample --warmup 0")
                        .run(with(SAMPLE_ARGS, "--warmup", "0"))
                        .succeeds());

        c.add(
                HostileCase.of("V29", "vae train into a finished run")
                        .given(VAE)
                        .run(into(VAE_ARGS, "{case}/vae"))
                        .fails(7, "vae", "--resume", "--force"));
        c.add(
                HostileCase.of("V30", "vae train --force into a finished run")
                        .given(VAE)
                        .run(into(VAE_ARGS, "{case}/vae", "--force"))
                        .succeeds(
                                (d, o) ->
                                        o.out().contains("1 epochs")
                                                        && Files.readString(
                                                                                d.resolve(
                                                                                        "vae/metrics.csv"))
                                                                        .lines()
                                                                        .count()
                                                                == 2
                                                ? null
                                                : Verdict.LOST_WORK));
        c.add(
                HostileCase.of("V31", "vae train --resume to 3 epochs extends the run")
                        .given(VAE)
                        .run(into(VAE_ARGS, "{case}/vae", "--resume", "--epochs", "3"))
                        .succeeds(
                                (d, o) ->
                                        Files.readString(d.resolve("vae/metrics.csv"))
                                                                .lines()
                                                                .count()
                                                        == 4
                                                ? null
                                                : Verdict.SILENT_WRONG));
        c.add(
                HostileCase.of("V32", "vae train --resume with another --train-size")
                        .given(VAE)
                        .run(
                                into(
                                        VAE_ARGS,
                                        "{case}/vae",
                                        "--resume",
                                        "--epochs",
                                        "3",
                                        "--train-size",
                                        "32"))
                        .fails(7, "data"));
        c.add(
                HostileCase.of("V33", "vae train --resume with another --seed")
                        .given(VAE)
                        .run(
                                into(
                                        VAE_ARGS,
                                        "{case}/vae",
                                        "--resume",
                                        "--epochs",
                                        "3",
                                        "--seed",
                                        "9"))
                        .fails(7, "seed"));
        c.add(
                HostileCase.of("V34", "vae train --resume with another --lr")
                        .given(VAE)
                        .run(
                                into(
                                        VAE_ARGS,
                                        "{case}/vae",
                                        "--resume",
                                        "--epochs",
                                        "3",
                                        "--lr",
                                        "0.01"))
                        .fails(7, "lr"));
        c.add(
                HostileCase.of("V35", "vae train --resume with another --hidden")
                        .given(VAE)
                        .run(
                                into(
                                        VAE_ARGS,
                                        "{case}/vae",
                                        "--resume",
                                        "--epochs",
                                        "3",
                                        "--hidden",
                                        "6"))
                        .fails(7, "hidden"));
        c.add(
                HostileCase.of("V36", "vae train --resume asking for fewer epochs than done")
                        .given(VAE)
                        .run(into(VAE_ARGS, "{case}/vae", "--resume"))
                        .fails(2, "2 epochs"));
        c.add(
                HostileCase.of("V37", "vae train --resume into a sample run")
                        .given(SAMPLE)
                        .run(into(VAE_ARGS, "{case}/sample", "--resume"))
                        .fails(7, "sample"));
        c.add(
                HostileCase.of("V38", "vae train --resume into an empty folder starts a new run")
                        .run(with(VAE_ARGS, "--resume"))
                        .succeeds(
                                (d, o) ->
                                        Files.exists(d.resolve("out/vae.ckpt"))
                                                ? null
                                                : Verdict.UNCLEAR));
        c.add(
                HostileCase.of("V39", "vae train into a folder another run is writing")
                        .locked()
                        .run(with(VAE_ARGS))
                        .fails(7, "in use"));
        c.add(
                HostileCase.of("V40", "vae eval while another run writes the folder")
                        .given(VAE)
                        .setup(d -> Files.move(d.resolve("vae"), d.resolve("out")))
                        .locked()
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/out")
                        .fails(7, "in use"));
        c.add(
                HostileCase.of("V41", "vae eval of a finished run keeps its checkpoint")
                        .given(VAE)
                        .setup(d -> Files.copy(d.resolve("vae/vae.ckpt"), d.resolve("before.ckpt")))
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/vae")
                        .succeeds(
                                (d, o) ->
                                        Files.mismatch(
                                                                d.resolve("vae/vae.ckpt"),
                                                                d.resolve("before.ckpt"))
                                                        == -1
                                                ? null
                                                : Verdict.LOST_WORK));
        c.add(
                HostileCase.of("V50", "vae train --output is a file")
                        .file("f.txt", "mine")
                        .run(into(VAE_ARGS, "{case}/f.txt"))
                        .fails(7, "f.txt"));
        c.add(
                HostileCase.of("V56", "vae eval of a folder that holds a sample run")
                        .given(SAMPLE)
                        .run("vae", "eval", "--data", "tiny", "--output", "{case}/sample")
                        .fails(4, "no VAE checkpoint"));

        c.add(
                HostileCase.of("B59", "bnn fit --output is a file")
                        .file("f.txt", "mine")
                        .run(into(FIT_ARGS, "{case}/f.txt"))
                        .fails(7, "f.txt"));
        c.add(
                HostileCase.of("B60", "bnn fit into a finished fit")
                        .given(FIT)
                        .run(into(FIT_ARGS, "{case}/fit"))
                        .fails(7, "bnn fit", "--force"));
        c.add(
                HostileCase.of("B61", "bnn fit --force into a finished fit")
                        .given(FIT)
                        .run(into(FIT_ARGS, "{case}/fit", "--force"))
                        .succeeds());
        c.add(
                HostileCase.of("B62", "bnn fit --output below a file fails before fitting")
                        .file("f.txt", "mine")
                        .run(into(FIT_ARGS, "{case}/f.txt/sub"))
                        .fails(7, "f.txt"));
        c.add(
                HostileCase.of("B77", "bnn fit into a folder another run is writing")
                        .locked()
                        .run(with(FIT_ARGS))
                        .fails(7, "in use"));
        c.add(
                HostileCase.of("P18", "bnn predict into the fit's folder")
                        .given(FIT)
                        .run(into(UsageCases.PREDICT_ARGS, "{case}/fit"))
                        .fails(7, "bnn fit"));
        c.add(
                HostileCase.of("P19", "bnn predict into a finished predict run")
                        .given(FIT)
                        .setup(
                                d ->
                                        MatrixFixtures.predictInto(
                                                d, "fit/net.ckpt", "train.csv", "pred"))
                        .run(into(UsageCases.PREDICT_ARGS, "{case}/pred"))
                        .fails(7, "--force"));
        c.add(
                HostileCase.of("P24", "bnn predict --force into a finished predict run")
                        .given(FIT)
                        .setup(
                                d ->
                                        MatrixFixtures.predictInto(
                                                d, "fit/net.ckpt", "train.csv", "pred"))
                        .run(into(UsageCases.PREDICT_ARGS, "{case}/pred", "--force"))
                        .succeeds());

        c.add(
                HostileCase.of("D01", "demo into a finished sample run")
                        .given(SAMPLE)
                        .run("demo", "--skip-vae", "--output", "{case}/sample")
                        .fails(7, "sample"));
        c.add(
                HostileCase.of("D02", "demo --output is a file")
                        .file("f.txt", "mine")
                        .run("demo", "--skip-vae", "--output", "{case}/f.txt")
                        .fails(7, "f.txt"));
        c.add(
                HostileCase.of("D03", "demo on an unknown backend")
                        .run("demo", "--backend", "tpu", "--output", "{case}/out")
                        .fails(3, "tpu"));

        c.add(
                HostileCase.of("R01", "sample --samples 2000000000")
                        .run(with(SAMPLE_ARGS, "--samples", "2000000000"))
                        .fails(8, "memory", "--samples"));
        c.add(
                HostileCase.of("R02", "sample --chains 64 --samples 50000000")
                        .run(with(SAMPLE_ARGS, "--chains", "64", "--samples", "50000000"))
                        .fails(8, "memory"));
        c.add(
                HostileCase.of("R03", "vae --hidden 2000000000")
                        .run(with(VAE_ARGS, "--hidden", "2000000000"))
                        .fails(8, "memory", "--hidden"));
        c.add(
                HostileCase.of("R04", "vae --latent 100000000")
                        .run(with(VAE_ARGS, "--latent", "100000000"))
                        .fails(8, "memory"));
        c.add(
                HostileCase.of("R05", "bnn --hidden 30000,30000")
                        .run(with(FIT_ARGS, "--hidden", "30000,30000"))
                        .fails(8, "memory", "--hidden"));
        c.add(
                HostileCase.of("R06", "bnn svi --hidden 20000,20000")
                        .run(with(FIT_ARGS, "--hidden", "20000,20000", "--inference", "svi"))
                        .fails(8, "memory"));
        c.add(
                HostileCase.of("R07", "vae --iwae-k 100000000")
                        .run(with(VAE_ARGS, "--iwae-k", "100000000"))
                        .fails(8, "memory"));

        c.add(
                HostileCase.of("N01", "bnn svi that diverges (lr 1e30)")
                        .run(
                                with(
                                        FIT_ARGS,
                                        "--inference",
                                        "svi",
                                        "--opt",
                                        "lr=1e30",
                                        "--opt",
                                        "epochs=2"))
                        .fails(5, "step"));
        c.add(
                HostileCase.of("N02", "bnn map that diverges (lr 1e30)")
                        .run(with(FIT_ARGS, "--opt", "lr=1e30", "--opt", "epochs=2"))
                        .fails(5, "not finite"));
        c.add(
                HostileCase.of("N03", "vae train that diverges (lr 1e30)")
                        .run(with(VAE_ARGS, "--lr", "1e30"))
                        .fails(5, "step"));
        return c;
    }
}
