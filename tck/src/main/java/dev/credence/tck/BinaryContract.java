package dev.credence.tck;

/** Contract rules (being written). */
public interface BinaryContract extends KitFixture {}
