// On the module path the application reads the api only; the backend and the inference plugins
// join through service binding, because dev.credence.api `uses` their SPIs.
module consumer {
    requires dev.credence.api;
}
