package dev.credence.tck;

/** Contract rules (being written). */
public interface GradientContract extends KitFixture {}
