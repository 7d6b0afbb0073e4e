package dev.credence.tck;

/** Contract rules (being written). */
public interface UnaryContract extends KitFixture {}
