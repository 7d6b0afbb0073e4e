package dev.credence.tck;

/** Contract rules (being written). */
public interface MatmulContract extends KitFixture {}
