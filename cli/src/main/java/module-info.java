/**
 * The {@code credence} command: picocli commands, Guice as the only composition root, plugins found
 * by {@link java.util.ServiceLoader} through the API's registries.
 */
module dev.credence.cli {
    requires dev.credence.api;
    requires dev.credence.io;
    requires dev.credence.plot;
    requires dev.credence.models.vae;
    requires dev.credence.models.bnn;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires com.google.guice;
    requires jakarta.inject;

    opens dev.credence.cli to
            info.picocli,
            com.google.guice;
}
