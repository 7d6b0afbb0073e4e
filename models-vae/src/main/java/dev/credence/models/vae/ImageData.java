package dev.credence.models.vae;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.HostArray;
import dev.credence.io.data.Dataset;

/**
 * A data set of images on a backend, flattened for the networks.
 *
 * @param images the images, {@code [N, height * width]}, values in [0, 1]
 * @param height the image height
 * @param width the image width
 * @param labels the class of each image, or null for unlabelled data
 */
record ImageData(Tensor images, int height, int width, int[] labels) {

    /**
     * Copies a data set onto a backend. Features of shape {@code [N, H, W]} are images; {@code [N,
     * P]} ones are square images when P is a square, else one row of P pixels.
     *
     * @param d the data set
     * @param b the backend
     * @param dtype the dtype of the images
     * @return the images
     * @throws IllegalArgumentException if the features are not images
     */
    static ImageData of(Dataset d, Backend b, DType dtype) {
        HostArray f = d.features();
        int[] dims = f.shape().dims();
        int h;
        int w;
        if (dims.length == 3) {
            h = dims[1];
            w = dims[2];
        } else if (dims.length == 2) {
            int side = (int) Math.round(Math.sqrt(dims[1]));
            h = side * side == dims[1] ? side : 1;
            w = dims[1] / h;
        } else {
            throw new IllegalArgumentException(
                    "VAE: features must be images [N, H, W] or rows [N, P], found " + f.shape());
        }
        if (!f.dtype().isFloating()) {
            throw new IllegalArgumentException(
                    "VAE: images must be floating-point values in [0, 1], found " + f.dtype());
        }
        int[] labels = d.targets().map(HostArray::toIntArray).orElse(null);
        return new ImageData(f.toTensor(b, dtype).reshape(dims[0], h * w), h, w, labels);
    }

    /**
     * Returns the number of images.
     *
     * @return N
     */
    int size() {
        return images.dim(0);
    }

    /**
     * Returns the values per image.
     *
     * @return {@code height * width}
     */
    int pixels() {
        return height * width;
    }
}
